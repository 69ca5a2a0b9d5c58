package org.ketaminecds.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * References written as {@code urn:uuid:<uuid>} become {@code Type/id} before anything reads them.
 *
 * <p>FHIR R4 resolves a {@code urn:uuid:} reference inside a Bundle to the entry whose {@code fullUrl} it is
 * (https://hl7.org/fhir/r4/bundle.html#references). Synthea, the most used synthetic FHIR patient generator, and
 * transaction bundles give every entry {@code fullUrl = "urn:uuid:" + id} and write every reference so: a statement's
 * {@code derivedFrom}, a dispense's {@code authorizingPrescription}, an order's {@code reasonReference},
 * {@code encounter} and {@code medicationReference}, everyone's {@code subject}. The content reads references as
 * {@code Type/id}, and HAPI by default replaces a resource's id by its entry's {@code fullUrl}, so before, a statement
 * derived from an order in the data was not recognised as that order restated and stretched a 30-day order to 90
 * "reported" days (a false "TRD met", case {@code synthea-derived-statements-urn-uuid-trd-not-met}).
 *
 * <p>Request-wide (the prefetch keys and the draft orders reference each other): every Bundle entry with a
 * {@code urn:uuid:} fullUrl and a resourceType is indexed as {@code Type/id} (an entry without an id gets the uuid
 * as its id, a valid FHIR id); then every {@code reference} equal to an indexed fullUrl (case ignored, as UUIDs are),
 * or to {@code urn:uuid:<id>} of a resource in the request with that id (Synthea's ids are the uuids; the encounter
 * prefetch is a single resource without fullUrl), or to {@code urn:uuid:<context patient id>}, is rewritten, and so is an order-select {@code selections} entry
 * naming such a fullUrl. Other references are left alone. The entry's fullUrl itself becomes {@code Type/id}: HAPI
 * gives a parsed resource its entry's fullUrl as id, which made every such resource's id {@code urn:uuid:...}.
 */
public final class BundleReferences {

  static final String URN_UUID = "urn:uuid:";
  static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  private BundleReferences() {}

  /** Rewrites the trees in place. */
  public static void normalize(Iterable<JsonNode> trees, String patientId) {
    normalize(trees, patientId, null);
  }

  /** The same, also reading {@code urn:uuid:<encounterId>} as the context encounter (read from the EHR when needed). */
  public static void normalize(Iterable<JsonNode> trees, String patientId, String encounterId) {
    boolean any = false;
    for (JsonNode tree : trees) {
      any = any || mentionsUrnUuid(tree);
    }
    if (!any) { // the usual request: one walk that reads, instead of three that index and rewrite
      return;
    }
    Map<String, String> keys = new HashMap<>();
    for (JsonNode tree : trees) {
      index(tree, keys);
    }
    Map<String, String> byId = new HashMap<>();
    for (JsonNode tree : trees) {
      ids(tree, byId);
    }
    byId.forEach(keys::putIfAbsent);
    if (patientId != null && FHIR_ID.matcher(patientId).matches()) {
      keys.putIfAbsent(URN_UUID + patientId.toLowerCase(Locale.ROOT), "Patient/" + patientId);
    }
    if (encounterId != null && FHIR_ID.matcher(encounterId).matches()) {
      keys.putIfAbsent(URN_UUID + encounterId.toLowerCase(Locale.ROOT), "Encounter/" + encounterId);
    }
    if (keys.isEmpty()) {
      return;
    }
    for (JsonNode tree : trees) {
      rewrite(tree, keys);
    }
  }

  /** Indexes every Bundle in the tree (the context's draft orders, a prefetch Bundle, a Bundle inside a Bundle). */
  private static void index(JsonNode tree, Map<String, String> keys) {
    if (tree instanceof ObjectNode object) {
      if ("Bundle".equals(object.path("resourceType").asText(null)) && object.get("entry") instanceof ArrayNode entries) {
        for (JsonNode entry : entries) {
          if (entry instanceof ObjectNode entryObject) {
            entry(entryObject, keys);
          }
        }
      }
      object.elements().forEachRemaining(child -> index(child, keys));
    } else if (tree instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> index(child, keys));
    }
  }

  /**
   * {@code urn:uuid:<id>} for every resource of the tree that has an id (a fullUrl entry wins): Synthea gives each
   * resource the uuid of its fullUrl as id, and a prefetch key that is a single resource (the encounter) has no fullUrl.
   */
  private static void ids(JsonNode tree, Map<String, String> keys) {
    if (tree instanceof ObjectNode object) {
      JsonNode type = object.get("resourceType");
      JsonNode id = object.get("id");
      if (type != null && type.isTextual() && id != null && id.isTextual() && FHIR_ID.matcher(id.textValue()).matches()
          && !"Bundle".equals(type.textValue())) {
        keys.putIfAbsent(URN_UUID + id.textValue().toLowerCase(Locale.ROOT), type.textValue() + "/" + id.textValue());
      }
      object.elements().forEachRemaining(child -> ids(child, keys));
    } else if (tree instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> ids(child, keys));
    }
  }

  private static void entry(ObjectNode entry, Map<String, String> keys) {
    JsonNode fullUrl = entry.get("fullUrl");
    if (!(entry.get("resource") instanceof ObjectNode resource) || fullUrl == null || !fullUrl.isTextual()
        || !isUrnUuid(fullUrl.textValue())) {
      return;
    }
    String type = resource.path("resourceType").asText(null);
    JsonNode id = resource.get("id");
    String uuid = fullUrl.textValue().substring(URN_UUID.length());
    if (type != null && (id == null || id.isNull()) && FHIR_ID.matcher(uuid).matches()) {
      resource.put("id", uuid);
      id = resource.get("id");
    }
    if (type != null && id != null && id.isTextual() && !id.textValue().isBlank()) {
      String key = type + "/" + id.textValue();
      keys.putIfAbsent(fullUrl.textValue().toLowerCase(Locale.ROOT), key);
      entry.put("fullUrl", key);
    }
  }

  private static void rewrite(JsonNode tree, Map<String, String> keys) {
    if (tree instanceof ObjectNode object) {
      JsonNode reference = object.get("reference");
      if (reference != null && reference.isTextual() && isUrnUuid(reference.textValue())) {
        String key = keys.get(reference.textValue().toLowerCase(Locale.ROOT));
        if (key != null) {
          object.put("reference", key);
        }
      }
      if (object.get("selections") instanceof ArrayNode selections) {
        for (int i = 0; i < selections.size(); i++) {
          String key = selections.get(i).isTextual() && isUrnUuid(selections.get(i).textValue())
              ? keys.get(selections.get(i).textValue().toLowerCase(Locale.ROOT)) : null;
          if (key != null) {
            selections.set(i, key);
          }
        }
      }
      object.elements().forEachRemaining(child -> rewrite(child, keys));
    } else if (tree instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> rewrite(child, keys));
    }
  }

  /** Whether a fullUrl, a reference or an order-select selection anywhere in the tree is a {@code urn:uuid:}. */
  private static boolean mentionsUrnUuid(JsonNode tree) {
    if (tree instanceof ObjectNode object) {
      for (String field : new String[] {"reference", "fullUrl"}) {
        JsonNode value = object.get(field);
        if (value != null && value.isTextual() && isUrnUuid(value.textValue())) {
          return true;
        }
      }
      if (object.get("selections") instanceof ArrayNode selections) {
        for (JsonNode selection : selections) {
          if (selection.isTextual() && isUrnUuid(selection.textValue())) {
            return true;
          }
        }
      }
      for (JsonNode child : object) {
        if (mentionsUrnUuid(child)) {
          return true;
        }
      }
    } else if (tree instanceof ArrayNode array) {
      for (JsonNode child : array) {
        if (mentionsUrnUuid(child)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isUrnUuid(String value) {
    return value.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length());
  }
}
