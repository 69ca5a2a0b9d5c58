package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.contenttest.ExampleCase.Expectation;

class CardExpectationsTests {

  final List<ReturnedCard> cards = List.of(
      new ReturnedCard("critical", "Contraindicated: Aortic ANEURYSM", "ICD-10 I71.4", "esketamine-aneurysm-avm"),
      new ReturnedCard("warning", "No PHQ-9 in the last 30 days", null, "phq9-overdue"));

  @Test
  void matchesCaseInsensitiveSubstringsOfSummaryAndDetail() {
    var expect = new Expectation(List.of(pattern("CRITICAL", List.of("aneurysm", "contraindicated"), List.of("i71.4"))),
        List.of(), false);

    assertThat(CardExpectations.failures(expect, cards)).isEmpty();
  }

  @Test
  void reportsAnExpectedCardThatMatchesNothingWithWhatTheClosestCardLacks() {
    var expect = new Expectation(List.of(pattern("info", List.of("aneurysm", "avm"), List.of())), List.of(), false);

    assertThat(CardExpectations.failures(expect, cards)).containsExactly(
        "expected card {indicator=info, summaryContains=[aneurysm, avm]} matched no returned card; closest "
            + "[critical] Contraindicated: Aortic ANEURYSM  (rule esketamine-aneurysm-avm): indicator is critical, "
            + "not info; summary lacks \"avm\"");
  }

  @Test
  void aPatternNamingARuleIsMetOnlyByTheCardOfThatRule() {
    var ketamineVersion = List.of(new ReturnedCard("warning", "Psychosis history (F20.9): ketamine can cause "
        + "dissociation", null, "ketamine-psychosis"));
    var esketamine = new CardPattern("warning", List.of("Psychosis history"), List.of(), "esketamine-psychosis");

    assertThat(CardExpectations.failures(new Expectation(List.of(esketamine), List.of(), false), ketamineVersion))
        .singleElement().asString()
        .contains("matched no returned card", "rule is ketamine-psychosis, not esketamine-psychosis");
    var unnamed = new CardPattern("warning", List.of("Psychosis history"), List.of(), null);
    assertThat(CardExpectations.failures(new Expectation(List.of(unnamed), List.of(), false), ketamineVersion))
        .isEmpty();
  }

  @Test
  void needsADistinctCardForEachExpectedCard() {
    var twice = pattern(null, List.of("aneurysm"), List.of());

    assertThat(CardExpectations.failures(new Expectation(List.of(twice, twice), List.of(), false), cards))
        .containsExactly("expected card {summaryContains=[aneurysm]} matched only cards already matched by other "
            + "expected cards");
  }

  @Test
  void findsAnAssignmentWhateverTheOrderOfPatterns() {
    // the broad pattern comes first and would grab the critical card if matching were greedy
    var broad = pattern(null, List.of(), List.of());
    var critical = pattern("critical", List.of(), List.of());

    assertThat(CardExpectations.failures(new Expectation(List.of(broad, critical), List.of(), true), cards)).isEmpty();
  }

  @Test
  void reportsACardThatMustBeAbsent() {
    var expect = new Expectation(List.of(), List.of(pattern(null, List.of("phq-9"), List.of())), false);

    assertThat(CardExpectations.failures(expect, cards)).containsExactly(
        "absent {summaryContains=[phq-9]} matched returned card [warning] No PHQ-9 in the last 30 days  "
            + "(rule phq9-overdue)");
  }

  @Test
  void reportsUnexpectedCardsWhenExactly() {
    var expect = new Expectation(List.of(pattern("critical", List.of(), List.of())), List.of(), true);

    assertThat(CardExpectations.failures(expect, cards))
        .containsExactly("exactly: unexpected card [warning] No PHQ-9 in the last 30 days  (rule phq9-overdue)");
    assertThat(CardExpectations.failures(new Expectation(expect.cards(), List.of(), false), cards)).isEmpty();
  }

  @Test
  void expectsNoCardsWithAnEmptyListAndExactly() {
    var expect = new Expectation(List.of(), List.of(), true);

    assertThat(CardExpectations.failures(expect, List.of())).isEmpty();
    assertThat(CardExpectations.failures(expect, cards)).hasSize(2);
  }

  @Test
  void failsADoubledCardEvenWithoutExactly() {
    var doubled = List.of(cards.get(0), cards.get(1),
        new ReturnedCard("critical", "Contraindicated:  aortic aneurysm", "other detail", "another-rule"));

    assertThat(CardExpectations.failures(new Expectation(List.of(), List.of(), false), doubled))
        .singleElement().asString().startsWith("doubled card: [critical] Contraindicated:  aortic aneurysm");
  }

  @Test
  void aDegradedRuleFailsTheCaseUnlessTheCaseDeclaresIt() {
    var degraded = List.of(new DegradedRule("bp-not-recent", "define 'Latest BP' failed: boom"));
    var quiet = new Expectation(List.of(), List.of(), true);

    assertThat(CardExpectations.failures(quiet, List.of(), degraded)).containsExactly(
        "rule bp-not-recent degraded (not listed in expect.degraded): define 'Latest BP' failed: boom");
    var declared = new Expectation(List.of(), List.of(), true, Set.of("bp-not-recent"), Map.of());
    assertThat(CardExpectations.failures(declared, List.of(), degraded)).isEmpty();
  }

  @Test
  void aRuleDeclaredDegradedMustDegrade() {
    var declared = new Expectation(List.of(), List.of(), false, Set.of("bp-not-recent"), Map.of());

    assertThat(CardExpectations.failures(declared, cards, List.of()))
        .containsExactly("expect.degraded: rule bp-not-recent did not degrade");
  }

  private static CardPattern pattern(String indicator, List<String> summary, List<String> detail) {
    return new CardPattern(indicator, summary, detail);
  }
}
