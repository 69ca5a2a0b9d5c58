package org.ketaminecds.relevance;

import org.hl7.fhir.r4.model.IdType;

/**
 * Whether a reference string points to the context patient.
 *
 * <p>{@code Patient/<id>}, {@code <base>/Patient/<id>} (with or without {@code _history}) and a bare id are read as
 * HAPI reads them. A reference {@code urn:uuid:<id>} is the patient too when {@code <id>} is the patient's id: FHIR R4
 * Bundle rules resolve a {@code urn:uuid:} reference to the entry whose {@code fullUrl} it is
 * (https://hl7.org/fhir/r4/bundle.html#references), and bundles written by Synthea, the most used synthetic patient
 * generator, or assembled as transaction bundles give each entry {@code fullUrl = "urn:uuid:" + id} and refer to the
 * patient that way ({@code "subject": {"reference": "urn:uuid:<patient id>"}}). HAPI reads such a reference as an
 * id {@code urn:uuid:<id>}, so before, every condition, order and observation sent so was taken for another patient's
 * and dropped: an aneurysm on record gave no contraindication (cases {@code synthea-*}).
 */
public final class PatientReferences {

  private static final String URN_UUID = "urn:uuid:";

  private PatientReferences() {}

  public static boolean refersTo(String reference, String patientId) {
    if (reference == null || patientId == null || reference.isBlank()) {
      return false;
    }
    if (reference.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length())) {
      return patientId.equals(reference.substring(URN_UUID.length()));
    }
    IdType target = new IdType(reference);
    return patientId.equals(target.getIdPart())
        && (target.getResourceType() == null || "Patient".equals(target.getResourceType()));
  }
}
