package org.ketaminecds.invocation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
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
      return MalformedValues.readWithout(() -> fhirContext.newJsonParser().parseResource(Bundle.class, json));
    } catch (DataFormatException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      // HAPI reports some malformed input with a NullPointerException rather than a DataFormatException. Its message
      // may quote the content: say what is expected instead
      errors.add(new FieldError(at, NOT_A_BUNDLE));
      return null;
    }
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
