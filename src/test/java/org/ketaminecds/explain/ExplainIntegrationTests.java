package org.ketaminecds.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.definition.RelativeDates;
import org.ketaminecds.feedback.FallbackFeedbackSink;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * "Why did this card fire" for one example case of the shipped content ({@code contraindication-aortic-aneurysm}):
 * per rule the condition's value, the values of the defines its card shows, the resources the evidence came from
 * and the time per define; through the admin endpoint and the console's, never in the EHR's response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=false",
    "cds.console.enabled=true",
    "cds.admin.token=" + ExplainIntegrationTests.ADMIN_TOKEN})
@Import(FallbackFeedbackSink.class)
class ExplainIntegrationTests {

  static final String ADMIN_TOKEN = "explain-tests-admin-token-0123456789";
  static final Path EXAMPLE = Path.of("cds-hooks/examples/ketamine-order-check/contraindication-aortic-aneurysm.json");
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  CdsHttp http;
  String request;

  @BeforeEach
  void readTheExample() throws IOException {
    http = new CdsHttp(port);
    var example = JSON.readTree(EXAMPLE.toFile());
    var rolled = (com.fasterxml.jackson.databind.node.ObjectNode) new RelativeDates(ZonedDateTime.now())
        .substitute(example.path("request"));
    rolled.put("hookInstance", "5d0a5c3e-8f51-4d7e-9a53-0f6c8d1f2b11");
    request = JSON.writeValueAsString(rolled);
  }

  @Test
  void explainsTheAneurysmContraindicationWithItsConditionValuesEvidenceAndTimes() throws IOException {
    var reply = http.post("/admin/explain/ketamine-order-check", request, "Authorization", "Bearer " + ADMIN_TOKEN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var explanation = reply.json();
    java.nio.file.Files.writeString(Path.of("target", "explain-example.json"), explanation.toPrettyString());

    assertThat(explanation.path("service").asText()).isEqualTo("ketamine-order-check");
    assertThat(explanation.path("contentVersion").asLong()).isEqualTo(1);
    var rule = rule(explanation, "esketamine-aneurysm-avm");
    assertThat(rule.path("outcome").asText()).isEqualTo("fired");
    assertThat(rule.path("indicator").asText()).isEqualTo("critical");
    assertThat(rule.path("summary").asText()).startsWith("Contraindicated: SPRAVATO label");
    assertThat(rule.path("condition").path("name").asText()).isEqualTo("Esketamine Aneurysm Or AVM");
    assertThat(rule.path("condition").path("value").asText()).isIn("true", "");
    assertThat(rule.path("condition").path("evaluated").asBoolean()).isTrue();
    assertThat(rule.path("condition").path("millis").asDouble()).isGreaterThanOrEqualTo(0);
    var display = define(rule, "Aneurysm Or AVM Display");
    assertThat(display.path("evaluated").asBoolean()).isTrue();
    assertThat(display.path("value").asText()).containsIgnoringCase("aneurysm");
    assertThat(display.path("resources").toString()).contains("Condition/aaa-1");
    assertThat(rule.path("evidence").toString()).contains("Condition/aaa-1");

    // a rule that stayed quiet: its condition is evaluated, its card text is not
    var quiet = StreamSupport.stream(explanation.path("rules").spliterator(), false)
        .filter(r -> r.path("outcome").asText().equals("quiet")).findFirst().orElseThrow();
    assertThat(quiet.path("condition").path("evaluated").asBoolean()).isTrue();
    assertThat(quiet.path("summary").isMissingNode() || quiet.path("summary").isNull()).isTrue();
  }

  @Test
  void theConsoleShowsTheSameExplanationAndTheEhrResponseCarriesNone() {
    var console = http.post("/preview/api/explain/ketamine-order-check", request);
    assertThat(console.status()).as(console.body()).isEqualTo(200);
    assertThat(rule(console.json(), "esketamine-aneurysm-avm").path("outcome").asText()).isEqualTo("fired");

    var ehr = http.post("/cds-services/ketamine-order-check", request);
    assertThat(ehr.status()).isEqualTo(200);
    assertThat(ehr.body()).doesNotContain("Condition/aaa-1").doesNotContain("\"rules\"").doesNotContain("millis");
  }

  @Test
  void explainsAnExampleCaseFileAsItIs() throws IOException {
    var reply = http.post("/admin/explain/ketamine-order-check", java.nio.file.Files.readString(EXAMPLE),
        "Authorization", "Bearer " + ADMIN_TOKEN);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(rule(reply.json(), "esketamine-aneurysm-avm").path("outcome").asText()).isEqualTo("fired");
  }

  @Test
  void explainsAnExampleCaseWithItsOwnCqlParameters() throws IOException {
    var file = Path.of("cds-hooks/examples/depression-chart-review/trd-not-met.json");
    var text = java.nio.file.Files.readString(file);
    var parameter = "\"parameters\": { \"ChartReviewActionableOnly\": false },";
    assertThat(text).contains(parameter);

    var with = http.post("/admin/explain/depression-chart-review", text, "Authorization", "Bearer " + ADMIN_TOKEN);
    var without = http.post("/admin/explain/depression-chart-review", text.replace(parameter, ""),
        "Authorization", "Bearer " + ADMIN_TOKEN);
    var misspelt = http.post("/admin/explain/depression-chart-review",
        text.replace("ChartReviewActionableOnly", "ChartReviewActionableOnyl"), "Authorization", "Bearer " + ADMIN_TOKEN);

    assertThat(with.status()).as(with.body()).isEqualTo(200);
    assertThat(rule(with.json(), "chart-trd-not-met").path("outcome").asText()).isEqualTo("fired");
    assertThat(rule(without.json(), "chart-trd-not-met").path("outcome").asText()).isEqualTo("quiet");
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.body()).contains("parameters.ChartReviewActionableOnyl");
  }

  @Test
  void saysWhenTheEndpointWouldLeaveAReminderOutAsARepeatAndRecordsNothing() throws IOException {
    var patient = "p-explain-" + java.util.UUID.randomUUID();
    var rolled = (com.fasterxml.jackson.databind.node.ObjectNode) new RelativeDates(ZonedDateTime.now()).substitute(
        JSON.readTree(Path.of("cds-hooks/examples/ketamine-order-check/pregnancy-status-unknown.json").toFile())
            .path("request"));
    rolled.put("hookInstance", java.util.UUID.randomUUID().toString());
    var pregnancyUnknown = JSON.writeValueAsString(rolled).replace("p-esk-pregunk", patient);
    var reminder = "esketamine-pregnancy-status-unknown";

    var before = http.post("/admin/explain/ketamine-order-check", pregnancyUnknown, "Authorization", "Bearer " + ADMIN_TOKEN);
    var ehr = http.post("/cds-services/ketamine-order-check", pregnancyUnknown);
    var after = http.post("/admin/explain/ketamine-order-check", pregnancyUnknown, "Authorization", "Bearer " + ADMIN_TOKEN);

    assertThat(rule(before.json(), reminder).path("outcome").asText()).isEqualTo("fired");
    assertThat(ehr.body()).contains("No recent pregnancy status");
    assertThat(rule(after.json(), reminder).path("outcome").asText()).isEqualTo("repeat");
    assertThat(rule(after.json(), reminder).path("summary").asText()).contains("No recent pregnancy status");
    assertThat(rule(after.json(), "esketamine-monitoring").path("outcome").asText()).isEqualTo("fired");
  }

  @Test
  void needsTheAdminToken() {
    assertThat(http.post("/admin/explain/ketamine-order-check", request).status()).isEqualTo(401);
  }

  private static JsonNode rule(JsonNode explanation, String id) {
    return StreamSupport.stream(explanation.path("rules").spliterator(), false)
        .filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
            "no rule " + id + " in " + explanation));
  }

  private static JsonNode define(JsonNode rule, String name) {
    return StreamSupport.stream(rule.path("defines").spliterator(), false)
        .filter(d -> d.path("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
            "no define " + name + " in " + rule));
  }
}
