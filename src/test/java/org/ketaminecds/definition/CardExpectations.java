package org.ketaminecds.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ketaminecds.definition.ExampleCase.CardPattern;
import org.ketaminecds.definition.ExampleCase.Expectation;

/**
 * Compares returned cards with an example's expectation. Each expected pattern must be matched by a
 * distinct card (a maximum bipartite matching, so the order of cards and patterns never matters).
 */
final class CardExpectations {

  private CardExpectations() {}

  /** Why the cards do not meet the expectation; empty when they do. */
  static List<String> failures(Expectation expect, List<JsonNode> cards) {
    var failures = new ArrayList<String>();
    var assigned = match(expect.cards(), cards);
    for (int p = 0; p < expect.cards().size(); p++) {
      var pattern = expect.cards().get(p);
      if (indexOf(assigned, p) < 0) {
        var alone = cards.stream().anyMatch(pattern::matches);
        failures.add("expected card " + pattern + (alone
            ? " matched only cards already matched by other expected cards"
            : " matched no returned card"));
      }
    }
    for (var pattern : expect.absent()) {
      cards.stream().filter(pattern::matches).forEach(card ->
          failures.add("absent " + pattern + " matched returned card " + describe(card)));
    }
    if (expect.exactly() && cards.size() > expect.cards().size()) {
      for (int c = 0; c < cards.size(); c++) {
        if (assigned[c] < 0) {
          failures.add("exactly: unexpected card " + describe(cards.get(c)));
        }
      }
    }
    return failures;
  }

  static String describe(JsonNode card) {
    return "[" + card.path("indicator").asText("?") + "] " + card.path("summary").asText("");
  }

  /** For each card, the index of the pattern it is matched to, or -1 (Kuhn's augmenting paths). */
  private static int[] match(List<CardPattern> patterns, List<JsonNode> cards) {
    var assigned = new int[cards.size()];
    Arrays.fill(assigned, -1);
    for (int p = 0; p < patterns.size(); p++) {
      augment(p, patterns, cards, assigned, new boolean[cards.size()]);
    }
    return assigned;
  }

  private static boolean augment(int p, List<CardPattern> patterns, List<JsonNode> cards, int[] assigned,
      boolean[] seen) {
    for (int c = 0; c < cards.size(); c++) {
      if (!seen[c] && patterns.get(p).matches(cards.get(c))) {
        seen[c] = true;
        if (assigned[c] < 0 || augment(assigned[c], patterns, cards, assigned, seen)) {
          assigned[c] = p;
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(int[] assigned, int pattern) {
    for (int c = 0; c < assigned.length; c++) {
      if (assigned[c] == pattern) {
        return c;
      }
    }
    return -1;
  }
}
