package org.ketaminecds.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.definition.ContentExamples.Example;

/**
 * The bad inputs of the corpus, built from the content's realistic example requests: malformed bodies, wrong JSON
 * types, and clinical data an EHR really sends that the engine may dislike. Everything is derived from a seed, so a
 * failing try replays exactly.
 */
final class BadInputs {

  static final List<Example> EXAMPLES = ContentExamples.all();

  /** One request to send: what it is (for the report), where, with which Content-Type, and the body. */
  record Case(String description, String service, String contentType, byte[] body) {

    static Case json(String description, String service, String json) {
      return new Case(description, service, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return description + " -> POST /cds-services/" + service + " (" + body.length + " bytes)";
    }
  }

  /** The fields of a hook request (JSON Pointers) whose type the corpus breaks. */
  static final List<String> FIELDS = List.of("", "/hook", "/hookInstance", "/fhirServer", "/fhirAuthorization",
      "/fhirAuthorization/access_token", "/fhirAuthorization/token_type", "/fhirAuthorization/expires_in",
      "/context", "/context/patientId", "/context/userId", "/context/encounterId", "/context/selections",
      "/context/draftOrders", "/context/draftOrders/entry", "/context/draftOrders/entry/0",
      "/context/draftOrders/entry/0/resource", "/context/draftOrders/entry/0/resource/medicationCodeableConcept",
      "/context/draftOrders/entry/0/resource/dosageInstruction", "/prefetch", "/prefetch/patient",
      "/prefetch/patient/birthDate", "/prefetch/patient/name", "/prefetch/conditions", "/prefetch/conditions/entry",
      "/prefetch/conditions/entry/0/resource/code", "/prefetch/conditions/entry/0/resource/onsetDateTime",
      "/prefetch/medicationRequests/entry/0/resource/dispenseRequest", "/prefetch/bloodPressure/entry/0/resource",
      "/extension");

  static final List<JsonNode> WRONG_VALUES = List.of(JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.numberNode(42), JsonNodeFactory.instance.numberNode(-1.5e308),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.textNode(""),
      JsonNodeFactory.instance.textNode("Patient/../../metadata"), JsonNodeFactory.instance.arrayNode(),
      JsonNodeFactory.instance.arrayNode().add(1).add("two").addNull(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.objectNode().put("resourceType", "Unknown"));

  private static final Set<String> DATE_FIELDS = Set.of("birthDate", "effectiveDateTime", "authoredOn",
      "onsetDateTime", "recordedDate", "issued", "abatementDateTime", "whenHandedOver", "dateAsserted",
      "effectivePeriod", "validityPeriod", "onsetPeriod");
  private static final List<String> BAD_DATES = List.of("", "2024-13-45", "yesterday", "0000-00-00",
      "2024-02-30T25:61:00Z", "20240101", "9999-12-31T23:59:59Z", "1800-01-01");
  private static final List<String> BAD_UNITS = List.of("mm[Hg", "mmHg", "{beats}/min", "d/", "days", "µg", "",
      "1/0", "[in_i]", "furlongs/fortnight");
  private static final List<Double> EXTREMES = List.of(-1.0, 0.0, 1e308, -1e308, 1e-300);
  private static final List<String> UNKNOWN_SYSTEMS = List.of("urn:oid:1.2.3.999.42", "http://example.org/unknown",
      "", "not a uri", "http://snomed.info/sct/900000000000207008/version/19000101");

  private BadInputs() {}

  static ObjectNode request(int example) {
    return EXAMPLES.get(Math.floorMod(example, EXAMPLES.size())).freshRequest();
  }

  static String service(int example) {
    return EXAMPLES.get(Math.floorMod(example, EXAMPLES.size())).service();
  }

  /** Sets the value at a JSON Pointer; a missing parent leaves the request as it is. */
  static void set(ObjectNode root, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return;
    }
    var slash = pointer.lastIndexOf('/');
    var parent = root.at(pointer.substring(0, slash));
    var name = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(name, value);
    } else if (parent instanceof ArrayNode array && name.matches("\\d+") && Integer.parseInt(name) < array.size()) {
      array.set(Integer.parseInt(name), value);
    }
  }

  /** Nested {@code depth} levels, closed properly: arrays, objects, or FHIR extensions inside a resource. */
  static String nested(int depth, int shape) {
    var open = switch (shape % 3) {
      case 0 -> "[";
      case 1 -> "{\"a\":";
      default -> "{\"url\":\"http://example.org/x\",\"extension\":[";
    };
    var close = switch (shape % 3) {
      case 0 -> "]";
      case 1 -> "}";
      default -> "]}";
    };
    var innermost = shape % 3 == 2 ? "{\"url\":\"http://example.org/x\",\"valueString\":\"x\"}" : "1";
    return open.repeat(depth) + innermost + close.repeat(depth);
  }

  /** Applies one kind of data that EHRs send and the engine may dislike, at places chosen by {@code seed}. */
  static String oddity(ObjectNode request, int kind, long seed) {
    var random = new Random(seed);
    var data = new ArrayList<JsonNode>();
    request.path("prefetch").forEach(data::add);
    data.add(request.path("context").path("draftOrders"));
    return switch (Math.floorMod(kind, 9)) {
      case 0 -> walk(data, o -> DATE_FIELDS.forEach(f -> {
        if (o.has(f) && random.nextBoolean()) {
          o.remove(f);
        }
      }), "missing dates");
      case 1 -> walk(data, o -> DATE_FIELDS.forEach(f -> {
        if (o.has(f) && random.nextInt(3) == 0) {
          o.put(f, BAD_DATES.get(random.nextInt(BAD_DATES.size())));
        }
      }), "malformed dates");
      case 2 -> walk(data, o -> {
        if (o.has("value") && o.path("value").isNumber() && (o.has("code") || o.has("unit"))) {
          o.put("code", BAD_UNITS.get(random.nextInt(BAD_UNITS.size())));
          o.put("unit", BAD_UNITS.get(random.nextInt(BAD_UNITS.size())));
        }
      }, "bad UCUM units");
      case 3 -> walk(data, o -> {
        if (o.has("value") && o.path("value").isNumber() && o.has("system")) {
          o.put("system", UNKNOWN_SYSTEMS.get(random.nextInt(UNKNOWN_SYSTEMS.size())));
          if (random.nextBoolean()) {
            o.put("comparator", "<");
          }
        }
      }, "quantities with unknown unit systems or comparators");
      case 4 -> walk(data, o -> {
        if (o.has("system") && o.has("code") && !o.has("value") && random.nextInt(3) == 0) {
          o.put("system", UNKNOWN_SYSTEMS.get(random.nextInt(UNKNOWN_SYSTEMS.size())));
        }
      }, "unknown code systems");
      case 5 -> walk(data, o -> {
        if ("Bundle".equals(o.path("resourceType").asText()) && o.path("entry").isArray()) {
          var entries = (ArrayNode) o.path("entry");
          entries.add(foreignEntry(random.nextInt(6)));
        }
      }, "resources of unexpected types in Bundles");
      case 6 -> operationOutcome(request, random);
      case 7 -> walk(data, o -> {
        if (o.has("status") && o.path("status").isTextual() && random.nextInt(3) == 0) {
          o.put("status", "bogus-status");
        }
      }, "unknown status codes");
      default -> walk(data, o -> {
        if (o.has("value") && o.path("value").isNumber()) {
          o.put("value", EXTREMES.get(random.nextInt(EXTREMES.size())));
        }
      }, "extreme quantity values");
    };
  }

  private static String operationOutcome(ObjectNode request, Random random) {
    var prefetch = (ObjectNode) request.path("prefetch");
    var keys = new ArrayList<String>();
    prefetch.fieldNames().forEachRemaining(keys::add);
    var key = keys.get(random.nextInt(keys.size()));
    var outcome = prefetch.objectNode().put("resourceType", "OperationOutcome");
    outcome.putArray("issue").addObject().put("severity", random.nextBoolean() ? "error" : "warning")
        .put("code", "processing").put("diagnostics", "search failed");
    prefetch.set(key, outcome);
    return "OperationOutcome in place of prefetch key " + key;
  }

  private static ObjectNode foreignEntry(int kind) {
    var entry = JsonNodeFactory.instance.objectNode();
    var resource = entry.putObject("resource");
    switch (kind) {
      case 0 -> resource.put("resourceType", "Practitioner").put("id", "odd-pr").putArray("name").addObject()
          .put("family", "Okafor");
      case 1 -> resource.put("resourceType", "Location").put("id", "odd-loc").put("name", "Ward 7");
      case 2 -> resource.put("resourceType", "Binary").put("id", "odd-bin").put("contentType", "text/plain")
          .put("data", "aGVsbG8=");
      case 3 -> resource.put("resourceType", "Bundle").put("type", "collection").putArray("entry").addObject()
          .putObject("resource").put("resourceType", "Condition").put("id", "nested-c");
      case 4 -> resource.put("resourceType", "OperationOutcome").putArray("issue").addObject()
          .put("severity", "information").put("code", "informational");
      default -> resource.put("resourceType", "Observation").put("id", "odd-obs").put("status", "final")
          .putObject("code").put("text", "free text only");
    }
    return entry;
  }

  /** Numbers no FHIR decimal can mean: exponents far beyond the bound, both signs, both cases, padded. */
  static final List<String> HUGE_EXPONENTS = List.of("1e999999999", "-1E999999999", "1e-999999999", "9.99e+2147483647",
      "0.5e1001", "1e00000000000000001001", "123456789.123456789e-99999999999999999999");

  /** The positions of a request where a number is read: envelope, prefetch, draft orders (JSON Pointers). */
  static List<String> numberPositions(ObjectNode request) {
    var positions = new ArrayList<String>();
    positions.add("/extension/com.example.score");
    positions.add("/fhirAuthorization/expires_in");
    numbers(request.path("prefetch"), "/prefetch", positions);
    numbers(request.path("context"), "/context", positions);
    // where an example has no number in its draft orders or prefetch, put one where EHRs send one
    positions.add("/context/draftOrders/entry/0/resource/dispenseRequest/quantity/value");
    positions.add("/prefetch/patient/multipleBirthInteger");
    return positions;
  }

  /** The request with the number at {@code pointer} (created where missing) replaced by {@code number}, as JSON. */
  static String withNumber(ObjectNode request, String pointer, String number) {
    var placeholder = "__NUMBER_" + Math.abs(pointer.hashCode()) + "__";
    setCreating(request, pointer, JsonNodeFactory.instance.textNode(placeholder));
    return ContentExamples.json(request).replace("\"" + placeholder + "\"", number);
  }

  private static void setCreating(ObjectNode root, String pointer, JsonNode value) {
    var names = pointer.substring(1).split("/");
    JsonNode node = root;
    for (int i = 0; i < names.length - 1; i++) {
      var child = node.isArray() ? node.path(Integer.parseInt(names[i])) : node.path(names[i]);
      if (child.isMissingNode() || child.isNull() || child.isValueNode()) {
        if (!(node instanceof ObjectNode object)) {
          return;
        }
        child = object.putObject(names[i]);
      }
      node = child;
    }
    if (node instanceof ObjectNode object) {
      object.set(names[names.length - 1], value);
    } else if (node instanceof ArrayNode array && Integer.parseInt(names[names.length - 1]) < array.size()) {
      array.set(Integer.parseInt(names[names.length - 1]), value);
    }
  }

  private static void numbers(JsonNode node, String at, List<String> positions) {
    if (node.isNumber()) {
      positions.add(at);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(f -> numbers(f.getValue(), at + "/" + f.getKey().replace("~", "~0")
          .replace("/", "~1"), positions));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        numbers(node.get(i), at + "/" + i, positions);
      }
    }
  }

  /** The string fields of a hook request that must be bounded (JSON Pointers), and their bound. */
  static final List<String> ID_FIELDS = List.of("/context/patientId", "/context/userId", "/context/encounterId",
      "/hookInstance", "/hook", "/fhirServer", "/fhirAuthorization/access_token",
      "/fhirAuthorization/scope");

  private static String walk(List<JsonNode> roots, Consumer<ObjectNode> action, String description) {
    roots.forEach(root -> visit(root, action));
    return description;
  }

  private static void visit(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      action.accept(object);
      collect(object).forEach(child -> visit(child, action));
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> visit(child, action));
    }
  }

  private static List<JsonNode> collect(ObjectNode object) {
    var children = new ArrayList<JsonNode>();
    object.forEach(children::add);
    return children;
  }
}
