package org.ketaminecds.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One example case, {@code cds-hooks/examples/<service-id>/<case>.json} (README, "Examples"). Read
 * strictly: a misspelt key in {@code expect} would otherwise make a case pass vacuously.
 */
record ExampleCase(String service, String name, String description, ObjectNode request, Expectation expect) {

  /** What must come back: each pattern of {@code cards} matched by a distinct card, none of {@code absent}. */
  record Expectation(List<CardPattern> cards, List<CardPattern> absent, boolean exactly) {}

  /** A card pattern; every given part must hold (case-insensitive substrings). */
  record CardPattern(String indicator, List<String> summaryContains, List<String> detailContains) {

    boolean matches(JsonNode card) {
      return (indicator == null || indicator.equalsIgnoreCase(card.path("indicator").asText()))
          && containsAll(card.path("summary").asText(), summaryContains)
          && containsAll(card.path("detail").asText(), detailContains);
    }

    @Override
    public String toString() {
      var parts = new ArrayList<String>();
      if (indicator != null) {
        parts.add("indicator=" + indicator);
      }
      if (!summaryContains.isEmpty()) {
        parts.add("summaryContains=" + summaryContains);
      }
      if (!detailContains.isEmpty()) {
        parts.add("detailContains=" + detailContains);
      }
      return "{" + String.join(", ", parts) + "}";
    }

    private static boolean containsAll(String text, List<String> parts) {
      var lower = text.toLowerCase(Locale.ROOT);
      return parts.stream().allMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
    }
  }

  private static final Set<String> CASE_KEYS = Set.of("description", "request", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("cards", "absent", "exactly");
  private static final Set<String> PATTERN_KEYS = Set.of("indicator", "summaryContains", "detailContains");

  static ExampleCase read(Path file, ObjectMapper mapper) throws IOException {
    var name = file.getFileName().toString().replaceFirst("\\.json$", "");
    var service = file.getParent().getFileName().toString();
    var root = mapper.readTree(Files.readString(file));
    keys(root, CASE_KEYS, "");
    if (!root.path("request").isObject()) {
      throw new IllegalArgumentException("request: must be an object (the hook request to send)");
    }
    var expect = root.path("expect");
    if (!expect.isObject()) {
      throw new IllegalArgumentException("expect: must be an object");
    }
    keys(expect, EXPECT_KEYS, "expect.");
    return new ExampleCase(service, name, root.path("description").asText(name), (ObjectNode) root.get("request"),
        new Expectation(patterns(expect.path("cards"), "expect.cards"), patterns(expect.path("absent"), "expect.absent"),
            expect.path("exactly").asBoolean(false)));
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
      var pattern = array.get(i);
      keys(pattern, PATTERN_KEYS, path + "[" + i + "].");
      patterns.add(new CardPattern(pattern.hasNonNull("indicator") ? pattern.get("indicator").asText() : null,
          strings(pattern.path("summaryContains"), path + "[" + i + "].summaryContains"),
          strings(pattern.path("detailContains"), path + "[" + i + "].detailContains")));
    }
    return patterns;
  }

  private static List<String> strings(JsonNode array, String path) {
    if (array.isMissingNode()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(path + ": must be an array of strings");
    }
    var strings = new ArrayList<String>();
    array.forEach(s -> strings.add(s.asText()));
    return strings;
  }

  private static void keys(JsonNode node, Set<String> allowed, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException((path.isEmpty() ? "the case" : path) + ": must be an object");
    }
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(path + key + ": unknown key (allowed: " + String.join(", ", allowed) + ")");
      }
    });
  }
}
