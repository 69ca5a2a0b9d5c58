package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.cql.EvaluationResult;

/** A truncated prefetch key: no conclusion is drawn from it as if the list were whole. */
class IncompleteHistoryTests {

  private static final Set<String> KEYS = Set.of("patient", "conditions", "medicationRequests", "phq9");

  final ObjectMapper mapper = new JacksonConfig().hookObjectMapper();
  final CardRenderer renderer = new CardRenderer(FhirContext.forR4Cached(), mapper);

  @Test
  void aRuleThatReadsATruncatedKeyAndDoesNotFireIsReportedDegradedNotSilentlyQuiet() {
    var trd = rule("trd-met", "TRD Met", null, "TRD criteria met");

    var response = renderer.render(List.of(trd), result(Map.of("TRD Met", false)), truncated("medicationRequests"))
        .toResponse();

    assertThat(degraded(response)).containsExactly("trd-met");
    assertThat(reason(response, "trd-met")).contains("history incomplete").contains("medicationRequests");
    assertThat(response.cards()).singleElement().satisfies(card -> {
      assertThat(card.ruleId()).isEqualTo(IncompleteHistory.RULE_ID);
      assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
      assertThat(card.summary()).startsWith("History incomplete").hasSizeLessThan(140);
      assertThat(card.detail()).contains("medicationRequests").contains("trd-met").contains("**not**");
      assertThat(card.source().label()).isEqualTo("Test content");
    });
  }

  @Test
  void aRuleThatFiresFromATruncatedListKeepsItsCardAndTheCardSaysTheHistoryWasIncomplete() {
    var aneurysm = rule("aneurysm", "Has Aneurysm", null, "Contraindicated: aneurysm");

    var response = renderer.render(List.of(aneurysm), result(Map.of("Has Aneurysm", true)), truncated("conditions"))
        .toResponse();

    assertThat(degraded(response)).containsExactly("aneurysm");
    assertThat(response.cards()).extracting(Card::ruleId).containsExactly(IncompleteHistory.RULE_ID, "aneurysm");
    assertThat(response.cards().get(1).summary()).isEqualTo("Contraindicated: aneurysm");
    assertThat(response.cards().get(1).detail()).startsWith("Test detail.").contains("**History incomplete:**")
        .contains("key conditions");
  }

  @Test
  void aRuleDeclaringOnlyOtherKeysIsAnsweredAsUsual() {
    var screening = rule("no-screening", "Needs Screening", List.of("phq9"), "No PHQ-9 in 30 days");
    var trd = rule("trd-met", "TRD Met", List.of("medicationRequests", "conditions"), "TRD criteria met");

    var response = renderer.render(List.of(screening, trd),
        result(Map.of("Needs Screening", true, "TRD Met", false)), truncated("medicationRequests")).toResponse();

    assertThat(degraded(response)).containsExactly("trd-met");
    var screeningCard = response.cards().stream().filter(c -> c.ruleId().equals("no-screening")).findFirst();
    assertThat(screeningCard).get().extracting(Card::detail).isEqualTo("Test detail.");
  }

  @Test
  void completeDataChangesNothing() {
    var trd = rule("trd-met", "TRD Met", null, "TRD criteria met");

    var response = renderer.render(List.of(trd), result(Map.of("TRD Met", true)), IncompleteHistory.none())
        .toResponse();

    assertThat(response.extension()).isEmpty();
    assertThat(response.cards()).extracting(Card::ruleId).containsExactly("trd-met");
    assertThat(response.cards().get(0).detail()).isEqualTo("Test detail.");
  }

  private static IncompleteHistory truncated(String... keys) {
    return new IncompleteHistory(Set.of(keys), KEYS);
  }

  private CardRule rule(String id, String condition, List<String> keys, String summary) {
    try {
      return new CardRule(id, condition, mapper.readValue("""
          {"summary": "%s", "detail": "Test detail.", "indicator": "critical", "source": {"label": "Test content"}}"""
          .formatted(summary), CardTemplate.class), keys);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static EvaluationResult result(Map<String, Object> values) {
    return new EvaluationResult(values, Map.of());
  }

  private static List<String> degraded(CdsResponse response) {
    JsonNode list = response.extension().get(RenderedCards.DEGRADED_RULES_EXTENSION);
    return list == null ? List.of()
        : StreamSupport.stream(list.spliterator(), false).map(d -> d.path("rule").asText()).toList();
  }

  private static String reason(CdsResponse response, String rule) {
    return StreamSupport.stream(response.extension().get(RenderedCards.DEGRADED_RULES_EXTENSION).spliterator(), false)
        .filter(d -> d.path("rule").asText().equals(rule)).findFirst().orElseThrow().path("reason").asText();
  }
}
