package org.ketaminecds.invocation;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** order-sign: the orders about to be signed. */
record OrderSignContext(String userId, String patientId, String encounterId, Bundle draftOrders) implements HookContext {

  @Override
  public List<Resource> draftResources() {
    return HookContext.entries(draftOrders);
  }
}
