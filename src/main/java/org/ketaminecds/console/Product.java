package org.ketaminecds.console;

import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * An orderable product of the console (cds-hooks/demo/products.json): the draft order the EHR would send. The
 * template carries medication and dosage; status, intent, subject, requester and authoredOn are filled per request.
 */
record Product(String id, String label, MedicationRequest template) {

  ProductSummary summary() {
    return new ProductSummary(id, label);
  }
}
