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
 * Issue 4, degraded rules: data the engine refuses degrades the rules that read it, not the request. The datum is a
 * blood pressure dated 0001-01-01T00:00:00Z (DateTime.MinValue, the "no date" of .NET interfaces): its pairing window
 * falls before year 1 and the engine throws (InvalidDateTime) in the blood pressure rules and the monitoring card's
 * lines. Other cards still come back, the response extension names each rule that could not be evaluated, and a
 * service whose rules do not read the datum is not degraded at all. (A birthDate sent with a time, the datum used
 * before, is now read as the date written: FhirTemporals. Record errors an EHR really sends in medication histories,
 * such as reversed periods, partial dates or a days supply without a unit, degrade nothing: the example cases
 * *-does-not-hide-* show it.)
 */
class DegradedRulesIntegrationTests extends ServiceIntegration {

  @Test
  void answersWithTheOtherCardsAndNamesTheDegradedRulesOnOrderSign() {
    var request = ContentExamples.withBloodPressureDatedYearOne(
        ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));

    var reply = invoke(ORDER_CHECK, request);

    assertThat(summaries(reply))
        .anySatisfy(s -> assertThat(s).contains("TRD criteria met"))
        .anySatisfy(s -> assertThat(s).contains("SPRAVATO: FDA-approved"));
    assertThat(degraded(reply)).extracting(d -> d.path("rule").asText())
        .contains("esketamine-bp-elevated", "bp-not-recent", "esketamine-monitoring")
        .doesNotContain("trd-met", "esketamine-fda-status", "esketamine-under-18",
            "esketamine-pregnancy-status-unknown");
    assertThat(degraded(reply)).allSatisfy(d -> assertThat(d.path("reason").asText())
        .contains("InvalidDateTime").doesNotContain("0001-01-01").doesNotContain("p-esk-met")
        .doesNotContain("bp-1"));
  }

  @Test
  void answersTheSameRequestWithoutTheBadDatumWithNoDegradedRule() {
    var reply = invoke(ORDER_CHECK, ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));

    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s).contains("TRD criteria met"));
    assertThat(reply.json().has("extension")).isFalse();
  }

  @Test
  void degradesNothingOnPatientViewWhoseRulesDoNotReadTheDatum() {
    // the chart review takes no blood pressure: the datum comes under a prefetch key it drops unread
    var request = ContentExamples.withBloodPressureDatedYearOne(
        ContentExamples.request(CHART_REVIEW, "bipolar-warning"));

    var reply = invoke(CHART_REVIEW, request);

    assertThat(summaries(reply)).anySatisfy(s -> assertThat(s.toLowerCase()).contains("bipolar"));
    assertThat(reply.json().has("extension")).as(reply.toString()).isFalse();
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
