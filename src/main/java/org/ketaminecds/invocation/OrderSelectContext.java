package org.ketaminecds.invocation;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** order-select: {@code selections} are references into {@code draftOrders} of the orders just picked. */
record OrderSelectContext(String userId, String patientId, String encounterId, List<String> selections, Bundle draftOrders)
    implements HookContext {

  OrderSelectContext {
    selections = selections == null ? List.of() : List.copyOf(selections);
  }

  @Override
  public List<Resource> draftResources() {
    return HookContext.entries(draftOrders);
  }
}
