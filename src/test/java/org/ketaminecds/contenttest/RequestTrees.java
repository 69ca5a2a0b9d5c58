package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/** Where in a hook request the {@link SameMeaning} forms find what they rewrite, and the rewrites they share. */
final class RequestTrees {

  private RequestTrees() {}

  /** Every resource of the type in the prefetch (searchset entries and single resources) and the draft orders. */
  static final List<List<String>> TIMES = List.of(List.of("09:00:00"), List.of("09:00:00", "21:00:00"),
      List.of("08:00:00", "14:00:00", "20:00:00"), List.of("08:00:00", "12:00:00", "16:00:00", "20:00:00"));

  static void timesOfDay(ObjectNode repeat) {
    int frequency = dailyFrequency(repeat);
    if (frequency > 0) {
      repeat.remove(List.of("frequency", "period", "periodUnit"));
      var times = repeat.putArray("timeOfDay");
      TIMES.get(frequency - 1).forEach(times::add);
    }
  }

  /** Every dosage Timing of the medication records (dosageInstruction of orders and dispenses, dosage of statements). */
  static void timings(JsonNode request, Consumer<ObjectNode> action) {
    dosages(request, dosage -> {
      if (dosage.get("timing") instanceof ObjectNode timing) {
        action.accept(timing);
      }
    });
  }

  /** Every Dosage.doseAndRate element of the medication records. */
  static void dosesAndRates(JsonNode request, Consumer<ObjectNode> action) {
    dosages(request, dosage -> dosage.path("doseAndRate").forEach(element -> action.accept((ObjectNode) element)));
  }

  /** Every Dosage of the medication records (dosageInstruction of orders and dispenses, dosage of statements). */
  static void dosages(JsonNode request, Consumer<JsonNode> action) {
    for (var type : List.of("MedicationRequest", "MedicationDispense", "MedicationStatement",
        "MedicationAdministration")) {
      resources(request, type, record -> {
        for (var field : List.of("dosageInstruction", "dosage")) {
          var dosages = record.path(field);
          (dosages.isArray() ? dosages : List.of(dosages)).forEach(action);
        }
      });
    }
  }

  /** 1 to 4 for a repeat that says exactly "n times per 1 day" (bounds aside); 0 for any other repeat. */
  static int dailyFrequency(ObjectNode repeat) {
    var names = new java.util.TreeSet<String>();
    repeat.fieldNames().forEachRemaining(names::add);
    names.remove("boundsPeriod");
    names.remove("boundsDuration");
    int frequency = repeat.path("frequency").asInt(0);
    return names.equals(java.util.Set.of("frequency", "period", "periodUnit")) && frequency >= 1 && frequency <= 4
        && repeat.path("period").asDouble() == 1.0 && "d".equals(repeat.path("periodUnit").asText()) ? frequency : 0;
  }

  /** Every relative {@code Type/id} reference in the tree made absolute on {@link FormNames#BASE}. */
  static void absoluteReferences(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        var value = field.getValue();
        if ("reference".equals(field.getKey()) && value.isTextual()
            && value.asText().matches("[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
          field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(FormNames.BASE + value.asText()));
        } else {
          absoluteReferences(value);
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(RequestTrees::absoluteReferences);
    }
  }

  /** The status's first code as words with capitals ("entered-in-error" -> "Entered In Error"), text only. */
  static void statusAsWords(ObjectNode resource, String field) {
    var code = resource.path(field).path("coding").path(0).path("code").asText();
    // a local status code means what its display says ("3" / "Refuted"): its display is the words
    var display = resource.path(field).path("coding").path(0).path("display").asText();
    if (!code.isEmpty() && !display.isEmpty()) {
      resource.putObject(field).put("text", display);
    } else if (!code.isEmpty()) {
      var words = new java.util.StringJoiner(" ");
      for (String word : code.split("-")) {
        words.add(Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
      resource.putObject(field).put("text", words.toString());
    }
  }

  static void resources(JsonNode request, String type, Consumer<ObjectNode> action) {
    var lists = new java.util.ArrayList<JsonNode>();
    request.path("prefetch").forEach(lists::add);
    lists.add(request.path("context").path("draftOrders"));
    lists.forEach(value -> {
      if (value instanceof ObjectNode resource && type.equals(resource.path("resourceType").asText())) {
        action.accept(resource);
      }
      value.path("entry").forEach(entry -> {
        if (entry.path("resource") instanceof ObjectNode resource
            && type.equals(resource.path("resourceType").asText())) {
          action.accept(resource);
        }
      });
    });
  }

  /** Every CodeableConcept that names what a record is (its code or medication), in the prefetch and draft orders. */
  static void concepts(JsonNode request, Consumer<ObjectNode> action) {
    for (var type : List.of("Condition", "AllergyIntolerance", "Observation", "MedicationRequest",
        "MedicationDispense", "MedicationStatement")) {
      resources(request, type, record -> List.of("code", "medicationCodeableConcept").forEach(field -> {
        if (record.get(field) instanceof ObjectNode concept) {
          action.accept(concept);
        }
      }));
    }
  }

  /**
   * Every date-only value of a FHIR dateTime element that records carry (FormNames.DATE_TIMES; Period start/end too, e.g. a
   * statement's effectivePeriod or an order's validity period), rewritten, in the prefetch and draft orders.
   */
  static void dates(JsonNode node, java.util.function.UnaryOperator<String> rewrite) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        if (FormNames.DATE_TIMES.contains(field.getKey()) && field.getValue().isTextual()
            && field.getValue().asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
          field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(rewrite.apply(field.getValue().asText())));
        } else {
          dates(field.getValue(), rewrite);
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> dates(child, rewrite));
    }
  }

  /** A list in the reverse order, in place. */
  static void reverse(JsonNode node) {
    if (node instanceof ArrayNode array && array.size() > 1) {
      var items = new java.util.ArrayList<JsonNode>();
      array.forEach(items::add);
      java.util.Collections.reverse(items);
      array.removeAll();
      array.addAll(items);
    }
  }

  /** Every Quantity-shaped object (a numeric value with a unit, a code or a system) in the prefetch and draft orders. */
  static void quantities(JsonNode request, Consumer<ObjectNode> action) {
    var lists = new java.util.ArrayList<JsonNode>();
    request.path("prefetch").forEach(lists::add);
    lists.add(request.path("context").path("draftOrders"));
    lists.forEach(list -> quantityTree(list, action));
  }

  static void quantityTree(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      if (object.path("value").isNumber() && (object.has("unit") || object.has("code") || object.has("system"))) {
        action.accept(object);
      }
      object.elements().forEachRemaining(child -> quantityTree(child, action));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> quantityTree(child, action));
    }
  }

  static String capitals(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  /** Every textual {@code display} and {@code text} in the tree rewritten (a narrative is an object: kept). */
  static void words(JsonNode node, java.util.function.UnaryOperator<String> rewrite) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        var value = field.getValue();
        if (("display".equals(field.getKey()) || "text".equals(field.getKey())) && value.isTextual()) {
          field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(rewrite.apply(value.asText())));
        } else {
          words(value, rewrite);
        }
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> words(child, rewrite));
    }
  }

  /** Every object with a system and a code, anywhere in the request (prefetch and draft orders). */
  static void codings(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      if (object.path("system").isTextual() && object.path("code").isTextual()) {
        action.accept(object);
      }
      object.elements().forEachRemaining(child -> codings(child, action));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> codings(child, action));
    }
  }

  /** Every Dosage.route of the medication records (dosageInstruction of orders and dispenses, dosage of statements). */
  static void routes(JsonNode request, Consumer<ObjectNode> action) {
    dosages(request, dosage -> {
      if (dosage.get("route") instanceof ObjectNode route) {
        action.accept(route);
      }
    });
  }
}
