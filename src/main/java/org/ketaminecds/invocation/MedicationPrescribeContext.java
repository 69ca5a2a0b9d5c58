package org.ketaminecds.invocation;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** medication-prescribe (deprecated by HL7, kept for legacy clients): the draft MedicationRequests. */
record MedicationPrescribeContext(String userId, String patientId, String encounterId, Bundle medications)
    implements HookContext {

  @Override
  public List<Resource> draftResources() {
    return HookContext.entries(medications);
  }
}
