package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A pattern of an example case's {@code expect.cards} or {@code expect.absent}; every part given must hold:
 * the indicator and the rule id exactly (indicator case-insensitive), each fragment as a case-insensitive
 * substring of the summary or detail.
 */
public record CardPattern(String indicator, List<String> summaryContains, List<String> detailContains, String rule) {

  private static final Set<String> KEYS = Set.of("indicator", "summaryContains", "detailContains", "rule");

  public CardPattern {
    summaryContains = List.copyOf(summaryContains);
    detailContains = List.copyOf(detailContains);
  }

  public CardPattern(String indicator, List<String> summaryContains, List<String> detailContains) {
    this(indicator, summaryContains, detailContains, null);
  }

  static CardPattern read(JsonNode pattern, String path) {
    ExampleCase.keys(pattern, KEYS, path + ".");
    return new CardPattern(text(pattern, "indicator", path), ExampleCase.strings(pattern.path("summaryContains"),
        path + ".summaryContains"), ExampleCase.strings(pattern.path("detailContains"), path + ".detailContains"),
        text(pattern, "rule", path));
  }

  public boolean matches(ReturnedCard card) {
    return mismatches(card).isEmpty();
  }

  /** What keeps {@code card} from matching, one readable line per part; empty when it matches. */
  public List<String> mismatches(ReturnedCard card) {
    var why = new ArrayList<String>();
    if (rule != null && !rule.equals(card.rule())) {
      why.add("rule is " + card.rule() + ", not " + rule);
    }
    if (indicator != null && !indicator.equalsIgnoreCase(card.indicator())) {
      why.add("indicator is " + card.indicator() + ", not " + indicator);
    }
    missing(card.summary(), summaryContains).forEach(f -> why.add("summary lacks \"" + f + "\""));
    missing(card.detail(), detailContains).forEach(f -> why.add("detail lacks \"" + f + "\""));
    return why;
  }

  @Override
  public String toString() {
    var parts = new ArrayList<String>();
    if (rule != null) {
      parts.add("rule=" + rule);
    }
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

  private static List<String> missing(String text, List<String> fragments) {
    var lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return fragments.stream().filter(f -> !lower.contains(f.toLowerCase(Locale.ROOT))).toList();
  }

  private static String text(JsonNode node, String key, String path) {
    var value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(path + "." + key + ": must be a string");
    }
    return value.asText();
  }
}
