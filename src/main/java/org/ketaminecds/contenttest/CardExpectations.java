package org.ketaminecds.contenttest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.contenttest.ExampleCase.Expectation;

/**
 * Compares returned cards and degraded rules with an example's expectation. Each expected pattern must be matched
 * by a distinct card (a maximum bipartite matching, so the order of cards and patterns never matters). Whatever
 * the case says, a rule that degraded fails it unless listed in {@code expect.degraded}, and so does a doubled
 * card (two cards with the same indicator and summary): a case cannot pass because its rule failed to evaluate.
 */
public final class CardExpectations {

  private CardExpectations() {}

  /** Why the cards do not meet the expectation; empty when they do. */
  public static List<String> failures(Expectation expect, List<ReturnedCard> cards, List<DegradedRule> degraded) {
    var failures = failures(expect, cards);
    for (var rule : degraded) {
      if (!expect.degraded().contains(rule.rule())) {
        failures.add("rule " + rule.rule() + " degraded (not listed in expect.degraded): " + rule.reason());
      }
    }
    for (var rule : expect.degraded()) {
      if (degraded.stream().noneMatch(d -> d.rule().equals(rule))) {
        failures.add("expect.degraded: rule " + rule + " did not degrade");
      }
    }
    return failures;
  }

  /** Why the cards do not meet the card patterns of the expectation; empty when they do. */
  public static List<String> failures(Expectation expect, List<ReturnedCard> cards) {
    var failures = new ArrayList<String>();
    var assigned = match(expect.cards(), cards);
    for (int p = 0; p < expect.cards().size(); p++) {
      var pattern = expect.cards().get(p);
      if (indexOf(assigned, p) < 0) {
        failures.add(unmatched(pattern, cards));
      }
    }
    for (var pattern : expect.absent()) {
      cards.stream().filter(pattern::matches).forEach(card ->
          failures.add("absent " + pattern + " matched returned card " + card));
    }
    if (expect.exactly()) {
      for (int c = 0; c < cards.size(); c++) {
        if (assigned[c] < 0) {
          failures.add("exactly: unexpected card " + cards.get(c));
        }
      }
    }
    var seen = new HashMap<String, ReturnedCard>();
    for (var card : cards) {
      var key = card.indicator() + "\n" + normalized(card.summary());
      var first = seen.putIfAbsent(key, card);
      if (first != null) {
        failures.add("doubled card: " + card + " repeats " + first);
      }
    }
    return failures;
  }

  /** The failure of a pattern no card was left for, with what the closest returned card lacks. */
  private static String unmatched(CardPattern pattern, List<ReturnedCard> cards) {
    if (cards.stream().anyMatch(pattern::matches)) {
      return "expected card " + pattern + " matched only cards already matched by other expected cards";
    }
    var closest = cards.stream().min(Comparator.comparingInt(c -> pattern.mismatches(c).size()));
    return "expected card " + pattern + " matched no returned card"
        + closest.map(c -> "; closest " + c + ": " + String.join("; ", pattern.mismatches(c))).orElse("");
  }

  private static String normalized(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** For each card, the index of the pattern it is matched to, or -1 (Kuhn's augmenting paths). */
  private static int[] match(List<CardPattern> patterns, List<ReturnedCard> cards) {
    var assigned = new int[cards.size()];
    Arrays.fill(assigned, -1);
    for (int p = 0; p < patterns.size(); p++) {
      augment(p, patterns, cards, assigned, new boolean[cards.size()]);
    }
    return assigned;
  }

  private static boolean augment(int p, List<CardPattern> patterns, List<ReturnedCard> cards, int[] assigned,
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
