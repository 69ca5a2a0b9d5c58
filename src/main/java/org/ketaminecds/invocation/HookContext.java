package org.ketaminecds.invocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** The typed {@code context} of a hook request, one record per supported hook. */
sealed interface HookContext
    permits PatientViewContext, OrderSelectContext, OrderSignContext, MedicationPrescribeContext {

  String userId();

  String patientId();

  String encounterId();

  /** The draft orders of the hook (order-select, order-sign, medication-prescribe), visible to CQL. */
  default List<Resource> draftResources() {
    return List.of();
  }

  /**
   * CQL parameters this context sets for the call (parameter name to value), applied when a library declares the
   * name ({@link CallParameters}).
   */
  default Map<String, Object> cqlParameters() {
    return Map.of();
  }

  /** Values of the prefetch tokens this context defines; user tokens follow userId's resource type. */
  default Map<String, String> prefetchTokens() {
    var tokens = new LinkedHashMap<String, String>();
    tokens.put("context.patientId", patientId());
    if (encounterId() != null) {
      tokens.put("context.encounterId", encounterId());
    }
    if (userId() != null) {
      tokens.put("context.userId", userId());
      var slash = userId().indexOf('/');
      if (slash > 0 && slash < userId().length() - 1) {
        var id = userId().substring(slash + 1);
        switch (userId().substring(0, slash)) {
          case "Practitioner" -> tokens.put("userPractitionerId", id);
          case "PractitionerRole" -> tokens.put("userPractitionerRoleId", id);
          case "Patient" -> tokens.put("userPatientId", id);
          case "RelatedPerson" -> tokens.put("userRelatedPersonId", id);
          default -> { }
        }
      }
    }
    return tokens;
  }

  static List<Resource> entries(Bundle bundle) {
    return bundle == null
        ? List.of()
        : bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Objects::nonNull).toList();
  }
}
