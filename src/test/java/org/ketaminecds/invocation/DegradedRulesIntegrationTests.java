package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.definition.ContentExamples.CHART_REVIEW;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.definition.ContentExamples;

/**
 * Issue 4, degraded rules: data the engine refuses degrades the rules that need it, not the request. The datum is a
 * real-world data-entry error: a medication order whose dosage period ends before it starts, on which the engine
 * throws (InvalidInterval) while computing antidepressant trial lengths. Other cards still come back, and the
 * response extension names each rule that could not be evaluated.
 */
class DegradedRulesIntegrationTests extends ServiceIntegration {

  @Test
  void answersWithTheOtherCardsAndNamesTheDegradedRulesOnOrderSign() {
    var request = ContentExamples.withReversedDosagePeriod(ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));

    var reply = invoke(ORDER_CHECK, request);

    assertThat(summaries(reply))
        .anySatisfy(s -> assertThat(s).contains("SPRAVATO: FDA-approved"))
        .anySatisfy(s -> assertThat(s).contains("REMS-certified setting only"))
        .noneSatisfy(s -> assertThat(s).contains("TRD criteria"));
    assertThat(degraded(reply)).extracting(d -> d.path("rule").asText())
        .contains("trd-met", "trd-not-met", "trd-insufficient-data")
        .doesNotContain("esketamine-fda-status", "esketamine-monitoring");
    assertThat(degraded(reply)).allSatisfy(d -> assertThat(d.path("reason").asText())
        .contains("InvalidInterval").doesNotContain("sertraline").doesNotContain("p-esk-met"));
  }

  @Test
  void answersTheSameRequestWithoutTheBadDatumWithNoDegradedRule() {
    var reply = invoke(ORDER_CHECK, ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));

    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s).contains("TRD criteria met"));
    assertThat(reply.json().has("extension")).isFalse();
  }

  @Test
  void answersWithTheOtherCardsAndNamesTheDegradedRulesOnPatientView() {
    var request = ContentExamples.withReversedDosagePeriod(ContentExamples.request(CHART_REVIEW, "bipolar-warning"));

    var reply = invoke(CHART_REVIEW, request);

    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s.toLowerCase()).contains("bipolar"));
    assertThat(degraded(reply)).extracting(d -> d.path("rule").asText()).contains("chart-trd-met")
        .doesNotContain("chart-bipolar-disorder");
  }

  private Reply invoke(String service, ObjectNode request) {
    return http.post("/cds-services/" + service, ContentExamples.json(request));
  }

  private static List<String> summaries(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var summaries = new ArrayList<String>();
    reply.json().path("cards").forEach(card -> summaries.add(card.path("summary").asText()));
    return summaries;
  }

  private static List<JsonNode> degraded(Reply reply) {
    var degraded = new ArrayList<JsonNode>();
    reply.json().path("extension").path(RenderedCards.DEGRADED_RULES_EXTENSION).forEach(degraded::add);
    return degraded;
  }
}
