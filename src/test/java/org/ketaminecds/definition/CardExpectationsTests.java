package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.definition.ExampleCase.CardPattern;
import org.ketaminecds.definition.ExampleCase.Expectation;

class CardExpectationsTests {

  final ObjectMapper mapper = new ObjectMapper();

  final List<JsonNode> cards = cards("""
      [ {"indicator": "critical", "summary": "Contraindicated: Aortic ANEURYSM", "detail": "ICD-10 I71.4"},
        {"indicator": "warning", "summary": "No PHQ-9 in the last 30 days"} ]""");

  @Test
  void matchesCaseInsensitiveSubstringsOfSummaryAndDetail() {
    var expect = new Expectation(List.of(pattern("CRITICAL", List.of("aneurysm", "contraindicated"), List.of("i71.4"))),
        List.of(), false);

    assertThat(CardExpectations.failures(expect, cards)).isEmpty();
  }

  @Test
  void reportsAnExpectedCardThatMatchesNothing() {
    var expect = new Expectation(List.of(pattern("info", List.of("aneurysm"), List.of())), List.of(), false);

    assertThat(CardExpectations.failures(expect, cards))
        .containsExactly("expected card {indicator=info, summaryContains=[aneurysm]} matched no returned card");
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
        "absent {summaryContains=[phq-9]} matched returned card [warning] No PHQ-9 in the last 30 days");
  }

  @Test
  void reportsUnexpectedCardsWhenExactly() {
    var expect = new Expectation(List.of(pattern("critical", List.of(), List.of())), List.of(), true);

    assertThat(CardExpectations.failures(expect, cards))
        .containsExactly("exactly: unexpected card [warning] No PHQ-9 in the last 30 days");
    assertThat(CardExpectations.failures(new Expectation(expect.cards(), List.of(), false), cards)).isEmpty();
  }

  @Test
  void expectsNoCardsWithAnEmptyListAndExactly() {
    var expect = new Expectation(List.of(), List.of(), true);

    assertThat(CardExpectations.failures(expect, List.of())).isEmpty();
    assertThat(CardExpectations.failures(expect, cards)).hasSize(2);
  }

  private static CardPattern pattern(String indicator, List<String> summary, List<String> detail) {
    return new CardPattern(indicator, summary, detail);
  }

  private List<JsonNode> cards(String json) {
    try {
      var list = new ArrayList<JsonNode>();
      mapper.readTree(json).forEach(list::add);
      return list;
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
