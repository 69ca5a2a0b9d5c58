package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One example case, {@code cds-hooks/examples/<service-id>/<case>.json} (docs/content/testing-content.md). Read
 * strictly: a misspelt key in {@code expect} would otherwise make a case pass vacuously.
 */
public record ExampleCase(String service, String name, String description, ObjectNode request, Expectation expect,
    CaseParameters parameters) {

  /** A case without CQL parameters of its own. */
  public ExampleCase(String service, String name, String description, ObjectNode request, Expectation expect) {
    this(service, name, description, request, expect, CaseParameters.none(service + "/" + name + ".json"));
  }

  /**
   * What must come back.
   *
   * @param cards each pattern matched by a distinct card
   * @param absent patterns no card may match
   * @param exactly no card beyond those matched by {@code cards}
   * @param degraded the rules this case expects to degrade; any other degraded rule fails the case
   * @param defines expected values of named defines of the service's library, as JSON
   */
  public record Expectation(List<CardPattern> cards, List<CardPattern> absent, boolean exactly, Set<String> degraded,
      Map<String, JsonNode> defines) {

    public Expectation {
      cards = List.copyOf(cards);
      absent = List.copyOf(absent);
      degraded = Set.copyOf(degraded);
      defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
    }

    /** Cards only, as the format had before degraded rules and defines could be stated. */
    public Expectation(List<CardPattern> cards, List<CardPattern> absent, boolean exactly) {
      this(cards, absent, exactly, Set.of(), Map.of());
    }
  }

  private static final Set<String> CASE_KEYS = Set.of("description", "parameters", "request", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("cards", "absent", "exactly", "degraded", "defines");

  /** Reads a case; its service is the name of the folder holding it, its name the file name without .json. */
  public static ExampleCase read(Path file, ObjectMapper mapper) throws IOException {
    var name = file.getFileName().toString().replaceFirst("\\.json$", "");
    var service = file.toAbsolutePath().getParent().getFileName().toString();
    var text = Files.readString(file);
    var root = mapper.readTree(text);
    keys(root, CASE_KEYS, "");
    var parameters = CaseParameters.read(file.toString(), root, text, mapper);
    if (!root.path("request").isObject()) {
      throw new IllegalArgumentException("request: must be an object (the hook request to send)");
    }
    var expect = root.path("expect");
    if (!expect.isObject()) {
      throw new IllegalArgumentException("expect: must be an object");
    }
    keys(expect, EXPECT_KEYS, "expect.");
    if (!expect.path("exactly").isMissingNode() && !expect.path("exactly").isBoolean()) {
      throw new IllegalArgumentException("expect.exactly: must be true or false");
    }
    return new ExampleCase(service, name, root.path("description").asText(name), (ObjectNode) root.get("request"),
        new Expectation(patterns(expect.path("cards"), "expect.cards"), patterns(expect.path("absent"), "expect.absent"),
            expect.path("exactly").asBoolean(false), new TreeSet<>(strings(expect.path("degraded"), "expect.degraded")),
            defines(expect.path("defines"))), parameters);
  }

  private static List<CardPattern> patterns(JsonNode array, String path) {
    if (array.isMissingNode()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(path + ": must be an array");
    }
    var patterns = new ArrayList<CardPattern>();
    for (int i = 0; i < array.size(); i++) {
      patterns.add(CardPattern.read(array.get(i), path + "[" + i + "]"));
    }
    return patterns;
  }

  private static Map<String, JsonNode> defines(JsonNode object) {
    if (object.isMissingNode()) {
      return Map.of();
    }
    if (!object.isObject()) {
      throw new IllegalArgumentException("expect.defines: must be an object, define name to expected value");
    }
    var defines = new LinkedHashMap<String, JsonNode>();
    object.fields().forEachRemaining(e -> defines.put(e.getKey(), e.getValue()));
    return defines;
  }

  static List<String> strings(JsonNode array, String path) {
    if (array.isMissingNode()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(path + ": must be an array of strings");
    }
    var strings = new ArrayList<String>();
    array.forEach(s -> {
      if (!s.isTextual()) {
        throw new IllegalArgumentException(path + ": must be an array of strings");
      }
      strings.add(s.asText());
    });
    return strings;
  }

  static void keys(JsonNode node, Set<String> allowed, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException((path.isEmpty() ? "the case" : path) + ": must be an object");
    }
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(path + key + ": unknown key (allowed: "
            + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    });
  }
}
