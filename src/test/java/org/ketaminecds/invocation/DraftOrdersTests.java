package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.junit.jupiter.api.Test;
import org.ketaminecds.problem.FieldError;

/**
 * The draft orders of a hook are the orders being placed, whatever status the EHR wrote on them: CDS Hooks order-sign
 * and order-select define draftOrders as draft requests, and the CQL recognises the orders being placed by status
 * draft. Some EHRs send the status the order will have once signed (active), or none; such an esketamine order was
 * invisible to every rule (no card, a contraindication on record included).
 */
class DraftOrdersTests {

  private final DraftOrders drafts = new DraftOrders(FhirContext.forR4Cached());

  @Test
  void everyMedicationRequestOfTheDraftOrdersIsADraftWhateverStatusTheEhrSent() throws Exception {
    var bundle = drafts.read(HookRequests.MAPPER.readTree("""
        {"draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "MedicationRequest", "id": "signed-status", "status": "active", "intent": "order"}},
          {"resource": {"resourceType": "MedicationRequest", "id": "no-status", "intent": "order"}},
          {"resource": {"resourceType": "MedicationRequest", "id": "unknown", "status": "unknown", "intent": "order"}},
          {"resource": {"resourceType": "MedicationRequest", "id": "on-hold", "status": "on-hold", "intent": "order"}},
          {"resource": {"resourceType": "MedicationRequest", "id": "draft", "status": "draft", "intent": "order"}}
        ]}}"""), "draftOrders", new ArrayList<FieldError>());

    assertThat(bundle.getEntry()).extracting(e -> ((MedicationRequest) e.getResource()).getStatus())
        .containsOnly(MedicationRequestStatus.DRAFT);
  }

  @Test
  void anOrderTheEhrMarksCancelledOrEnteredInErrorIsNotMadeADraft() throws Exception {
    var bundle = drafts.read(HookRequests.MAPPER.readTree("""
        {"draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "MedicationRequest", "id": "c", "status": "cancelled", "intent": "order"}},
          {"resource": {"resourceType": "MedicationRequest", "id": "e", "status": "entered-in-error", "intent": "order"}}
        ]}}"""), "draftOrders", new ArrayList<FieldError>());

    assertThat(bundle.getEntry()).extracting(e -> ((MedicationRequest) e.getResource()).getStatus())
        .containsExactly(MedicationRequestStatus.CANCELLED, MedicationRequestStatus.ENTEREDINERROR);
  }
}
