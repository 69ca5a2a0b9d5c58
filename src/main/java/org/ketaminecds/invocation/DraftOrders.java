package org.ketaminecds.invocation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.ketaminecds.codes.CanonicalCodes;
import org.ketaminecds.codes.MalformedValues;
import org.ketaminecds.problem.FieldError;

/**
 * Reads a context Bundle ({@code draftOrders}, {@code medications}) with HAPI's parser. Its shape is checked first:
 * a Bundle whose every entry is an object holding a {@code resource} object with a {@code resourceType}; HAPI's
 * lenient parser would drop an entry that is a number, a string, an array or null without a word, and an order the
 * service never sees is a check it never makes (issue 13, item 11).
 */
final class DraftOrders {

  private static final String NOT_A_BUNDLE = "must be a FHIR R4 Bundle";

  private final FhirContext fhirContext;

  DraftOrders(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** The Bundle in {@code context[field]}, or null with an error added. */
  Bundle read(JsonNode context, String field, List<FieldError> errors) {
    var value = context.get(field);
    var at = "/context/" + field;
    if (value == null || value.isNull()) {
      errors.add(new FieldError(at, "is required"));
      return null;
    }
    if (!value.isObject() || !"Bundle".equals(value.path("resourceType").asText(null)) || !entriesAreResources(value)) {
      errors.add(new FieldError(at, NOT_A_BUNDLE));
      return null;
    }
    try {
      var json = CanonicalCodes.normalize(value).toString();
      var parser = fhirContext.newJsonParser();
      return asDrafts(MalformedValues.readWithout(() -> parser.parseResource(Bundle.class, json)));
    } catch (DataFormatException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      // HAPI reports some malformed input with a NullPointerException rather than a DataFormatException. Its message
      // may quote the content: say what is expected instead
      errors.add(new FieldError(at, NOT_A_BUNDLE));
      return null;
    }
  }

  /**
   * Every MedicationRequest of the bundle gets status draft, unless the EHR marked it cancelled or entered-in-error.
   * CDS Hooks defines these bundles as the draft orders being placed (order-select, order-sign: "draft" requests;
   * medication-prescribe: the medications being prescribed), and the content recognises the orders being placed by
   * status draft. Some EHRs send the status the order will have once signed (active), another status or none: read as
   * sent, such an esketamine order matched no rule and the call returned no card, a contraindication on record included
   * (example case draftorders-status-active-still-the-order-being-signed). A ServiceRequest of the bundle (a ketamine
   * infusion or SPRAVATO session ordered as a procedure) is read the same way, unless revoked or entered-in-error.
   */
  private static Bundle asDrafts(Bundle bundle) {
    for (var entry : bundle.getEntry()) {
      if (entry.getResource() instanceof MedicationRequest order && order.getStatus() != MedicationRequestStatus.CANCELLED
          && order.getStatus() != MedicationRequestStatus.ENTEREDINERROR) {
        order.setStatus(MedicationRequestStatus.DRAFT);
      } else if (entry.getResource() instanceof ServiceRequest request
          && request.getStatus() != ServiceRequestStatus.REVOKED
          && request.getStatus() != ServiceRequestStatus.ENTEREDINERROR) {
        request.setStatus(ServiceRequestStatus.DRAFT);
      }
    }
    return bundle;
  }

  private static boolean entriesAreResources(JsonNode bundle) {
    var entries = bundle.get("entry");
    if (entries == null || entries.isNull()) {
      return true;
    }
    if (!entries.isArray()) {
      return false;
    }
    for (var entry : entries) {
      var resource = entry.path("resource");
      if (!entry.isObject() || !resource.isObject() || !resource.path("resourceType").isTextual()) {
        return false;
      }
    }
    return true;
  }
}
