package org.ketaminecds.contenttest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.cql.ParameterValues;

/**
 * An example case's {@code "parameters": {"Name": value}}: CQL parameters set for that case's evaluation only (they
 * replace the site's {@code cds.cql.parameters} of the same name). Each value is checked against the type its
 * library declares, and a bad one is reported as {@code <file>:<line>: parameters.<Name>: <what>}.
 *
 * @param file the case file as named in reports
 * @param values parameter name to its JSON value, in file order
 * @param lines parameter name to the line of its key in the file
 */
public record CaseParameters(String file, Map<String, JsonNode> values, Map<String, Integer> lines) {

  public CaseParameters {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    lines = Map.copyOf(lines);
  }

  static CaseParameters none(String file) {
    return new CaseParameters(file, Map.of(), Map.of());
  }

  /** Reads {@code parameters} from the case's root object; {@code text} is the file's text (for line numbers). */
  public static CaseParameters read(String file, JsonNode root, String text, ObjectMapper mapper) throws IOException {
    var node = root.path("parameters");
    if (node.isMissingNode()) {
      return none(file);
    }
    var lines = lines(text, mapper);
    if (!node.isObject()) {
      throw new IllegalArgumentException(file + ":" + lines.getOrDefault("", 1)
          + ": parameters: must be an object, CQL parameter name to value");
    }
    var values = new LinkedHashMap<String, JsonNode>();
    node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
    lines.remove("");
    return new CaseParameters(file, values, lines);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * The values as the engine takes them, each converted to its declared CQL type.
   *
   * @param declared every parameter the content's libraries declare, name to declared types
   * @throws IllegalArgumentException for a name no library declares or a value that is not of its type; the
   *     message names the file, the line and the parameter
   */
  public Map<String, Object> typed(Map<String, Set<String>> declared) {
    var typed = new HashMap<String, Object>();
    values.forEach((name, value) -> {
      var types = declared.get(name);
      if (types == null || types.isEmpty()) {
        throw problem(name, "no CQL library declares a parameter of that name (declared: "
            + String.join(", ", new java.util.TreeSet<>(declared.keySet())) + ")");
      }
      if (types.size() > 1) {
        throw problem(name, "libraries declare it with different types " + types + "; a case cannot set it");
      }
      typed.put(name, value(name, types.iterator().next(), value));
    });
    return typed;
  }

  private Object value(String name, String type, JsonNode value) {
    boolean fits = switch (type) {
      case "System.Boolean" -> value.isBoolean();
      case "System.Integer" -> value.isIntegralNumber() && value.canConvertToInt();
      case "System.Long" -> value.isIntegralNumber() && value.canConvertToLong();
      case "System.Decimal" -> value.isNumber();
      case "System.String", "System.Quantity", "System.Date", "System.DateTime" -> value.isTextual();
      default -> throw problem(name, "its type " + type + " cannot be set by a case (Boolean, Integer, Decimal, "
          + "String, Quantity, Date and DateTime can)");
    };
    if (!fits) {
      throw problem(name, "expected " + expected(type) + " (the parameter is a " + type + "), got " + value);
    }
    try {
      return ParameterValues.convert(type, value.isNumber() ? value.decimalValue().toPlainString() : value.asText());
    } catch (IllegalArgumentException e) {
      throw problem(name, e.getMessage());
    }
  }

  private static String expected(String type) {
    return switch (type) {
      case "System.Boolean" -> "true or false";
      case "System.Integer", "System.Long" -> "a whole number";
      case "System.Decimal" -> "a number";
      case "System.Quantity" -> "a string such as \"24 months\" or \"140 'mm[Hg]'\"";
      case "System.Date" -> "a string such as \"2024-01-31\"";
      case "System.DateTime" -> "a string such as \"2024-01-31T08:00:00Z\"";
      default -> "a string";
    };
  }

  private IllegalArgumentException problem(String name, String what) {
    return new IllegalArgumentException(file + ":" + lines.getOrDefault(name, 1) + ": parameters." + name + ": " + what);
  }

  /** The line of each key of the top-level {@code parameters} object; key "" is the line of "parameters" itself. */
  private static Map<String, Integer> lines(String text, ObjectMapper mapper) throws IOException {
    var lines = new HashMap<String, Integer>();
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME) {
          continue;
        }
        var pointer = parser.getParsingContext().pathAsPointer().toString();
        int line = parser.currentTokenLocation().getLineNr();
        if (pointer.equals("/parameters")) {
          lines.put("", line);
        } else if (pointer.startsWith("/parameters/") && pointer.indexOf('/', "/parameters/".length()) < 0) {
          lines.put(parser.currentName(), line);
        }
      }
    }
    return lines;
  }
}
