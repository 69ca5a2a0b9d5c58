package org.ketaminecds.prefetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;

/**
 * The resources of one request, de-duplicated by type and id: prefetched and fetched copies of the
 * same resource are kept once (the first seen); a draft resource replaces a stored one with the same
 * type and id, because the draft is the version being ordered. Resources without an id are all kept.
 *
 * <p>A draft MedicationRequest from the prefetch or the EHR's server is left out: the orders being placed are the
 * ones the hook's context carries ({@code draftOrders}, all drafts of the ordering session), and an unsigned draft
 * left on the chart from another session is neither being ordered now nor a medication the patient takes. Kept, an
 * old esketamine draft made a sertraline order-sign answer with the esketamine cards (example case
 * stale-server-esketamine-draft-not-being-signed). A draft ServiceRequest from the prefetch or the server is left out
 * for the same reason (a ketamine infusion ordered as a procedure in another session).
 */
final class AssembledResources {

  private final Map<String, Resource> byTypeAndId = new LinkedHashMap<>();
  private final List<Resource> withoutId = new ArrayList<>();

  void add(Resource resource) {
    if (resource instanceof MedicationRequest order && order.getStatus() == MedicationRequestStatus.DRAFT
        || resource instanceof ServiceRequest request && request.getStatus() == ServiceRequestStatus.DRAFT) {
      return;
    }
    String key = key(resource);
    if (key == null) {
      withoutId.add(resource);
    } else {
      byTypeAndId.putIfAbsent(key, resource);
    }
  }

  void addDraft(Resource resource) {
    String key = key(resource);
    if (key == null) {
      withoutId.add(resource);
    } else {
      byTypeAndId.put(key, resource);
    }
  }

  Optional<Medication> medication(String id) {
    return Optional.ofNullable(byTypeAndId.get("Medication/" + id)).map(Medication.class::cast);
  }

  List<Resource> all() {
    List<Resource> all = new ArrayList<>(byTypeAndId.values());
    all.addAll(withoutId);
    return all;
  }

  private static String key(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return id == null || id.isBlank() ? null : resource.fhirType() + "/" + id;
  }
}
