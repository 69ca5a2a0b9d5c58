package org.ketaminecds.prefetch;

import org.hl7.fhir.r4.model.IdType;

/** Reading references that point into the EHR's own FHIR server. */
final class ServerReferences {

  private ServerReferences() {}

  /**
   * "Type/x" or "{fhirBase}/Type/x" gives "x"; a contained ("#...") or empty reference, another type or another
   * server gives null.
   */
  static String id(String reference, String type, String fhirBase) {
    if (reference == null || reference.isBlank() || reference.startsWith("#")) {
      return null;
    }
    IdType id = new IdType(reference);
    if (!type.equals(id.getResourceType()) || !id.hasIdPart()) {
      return null;
    }
    boolean sameServer = !id.hasBaseUrl() || id.getBaseUrl().replaceAll("/+$", "").equals(fhirBase);
    return sameServer ? id.getIdPart() : null;
  }
}
