package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ketaminecds.cards.CqlValues;
import org.ketaminecds.cql.EvaluationResult;
import org.opencds.cqf.cql.engine.runtime.Tuple;

/**
 * Compares the values of named defines with an example's {@code expect.defines}. A CQL value is seen as JSON:
 * Boolean, Integer, Decimal and String as themselves, null as null, a List as an array (in order), a Tuple as an
 * object; anything else (Date, DateTime, Quantity, Code, Interval, a FHIR resource) as the text a card template
 * shows for it (2026-01-31, "60 mg", the code's display, Condition/c1). An expected number matches any equal
 * number (1 = 1.0); every other value must be equal.
 */
public final class DefineExpectations {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DefineExpectations() {}

  /** Why the values do not meet the expectation; empty when they do. */
  public static List<String> failures(Map<String, JsonNode> expected, EvaluationResult result) {
    var failures = new ArrayList<String>();
    expected.forEach((name, value) -> {
      if (result.failed(name)) {
        failures.add("define '" + name + "': expected " + value + ", but it failed: " + result.failures().get(name));
      } else if (!result.values().containsKey(name)) {
        failures.add("define '" + name + "': expected " + value + ", but the library has no such define");
      } else {
        var actual = json(result.value(name));
        if (!same(value, actual)) {
          failures.add("define '" + name + "': expected " + value + ", actual " + actual);
        }
      }
    });
    return failures;
  }

  /** A CQL value as JSON, as expectations state it. */
  public static JsonNode json(Object value) {
    if (value == null) {
      return JSON.nullNode();
    } else if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    } else if (value instanceof Integer || value instanceof Long) {
      return JSON.numberNode(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      return JSON.numberNode(decimal);
    } else if (value instanceof String string) {
      return JSON.textNode(string);
    } else if (value instanceof Tuple tuple) {
      ObjectNode object = JSON.objectNode();
      tuple.getElements().forEach((k, v) -> object.set(k, json(v)));
      return object;
    } else if (value instanceof Iterable<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(element -> array.add(json(element)));
      return array;
    }
    return JSON.textNode(CqlValues.text(value));
  }

  static boolean same(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isArray() && actual.isArray()) {
      return expected.size() == actual.size() && all(expected.elements(), actual.elements());
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      var names = expected.fieldNames();
      while (names.hasNext()) {
        var name = names.next();
        if (!actual.has(name) || !same(expected.get(name), actual.get(name))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private static boolean all(Iterator<JsonNode> expected, Iterator<JsonNode> actual) {
    while (expected.hasNext()) {
      if (!same(expected.next(), actual.next())) {
        return false;
      }
    }
    return true;
  }
}
