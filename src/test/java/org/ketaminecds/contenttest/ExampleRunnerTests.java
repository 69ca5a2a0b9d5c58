package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.definition.UnknownServiceException;
import org.ketaminecds.invocation.HookEvaluation;

/** The runner on a stand-in evaluation: what makes a case pass or fail, and what a failure says. */
class ExampleRunnerTests {

  @TempDir Path examples;

  final List<Card> cards = new ArrayList<>();
  final List<DegradedRule> degraded = new ArrayList<>();
  final Map<String, Object> defines = new HashMap<>();
  final List<Set<String>> askedDefines = new ArrayList<>();

  final ExampleRunner runner = new ExampleRunner((service, request, extra, parameters) -> {
    if (service.equals("no-such-service")) {
      throw new UnknownServiceException(service);
    }
    askedDefines.add(extra);
    return new HookEvaluation.Result(service, "Lib", new RenderedCards(cards, degraded),
        new EvaluationResult(defines, Map.of()));
  }, new ObjectMapper(), Clock.systemUTC());

  @Test
  void aQuietCaseFailsWhenItsRuleDegraded() throws Exception {
    degraded.add(new DegradedRule("esketamine-psychosis", "define 'Psychosis Display' failed: boom"));

    var result = runner.run(write("svc/quiet", """
        {"description": "no psychosis", "request": {"hook": "order-sign"}, "expect": {"cards": [], "exactly": true}}"""));

    assertThat(result.passed()).isFalse();
    assertThat(result.report()).isEqualTo("""
        svc/quiet.json (no psychosis) failed:
          - rule esketamine-psychosis degraded (not listed in expect.degraded): define 'Psychosis Display' failed: boom
          returned cards: none
          degraded rule esketamine-psychosis: define 'Psychosis Display' failed: boom""");
  }

  @Test
  void aDeclaredDegradationPasses() throws Exception {
    degraded.add(new DegradedRule("bp-not-recent", "define 'Latest BP' failed: InvalidInterval"));

    var result = runner.run(write("svc/bad-data", """
        {"request": {}, "expect": {"degraded": ["bp-not-recent"], "exactly": true}}"""));

    assertThat(result.failures()).isEmpty();
  }

  @Test
  void anEsketamineExpectationIsNotMetByTheKetamineCard() throws Exception {
    cards.add(card(Indicator.WARNING, "Psychosis history (F20.9): ketamine can cause dissociation",
        "ketamine-psychosis"));

    var result = runner.run(write("svc/psychosis", """
        {"request": {}, "expect": {"cards": [
          {"rule": "esketamine-psychosis", "indicator": "warning", "summaryContains": ["Psychosis history"]}]}}"""));

    assertThat(result.failures()).singleElement().asString()
        .contains("rule is ketamine-psychosis, not esketamine-psychosis");
    assertThat(result.report()).contains("[warning] Psychosis history (F20.9)", "(rule ketamine-psychosis)");
  }

  @Test
  void checksTheNamedDefinesAndAsksForThemAlone() throws Exception {
    defines.put("TRD Status", "NOT_MET");
    defines.put("Adequate Trial Count", 1);

    var result = runner.run(write("svc/trd", """
        {"request": {}, "expect": {"defines": {"TRD Status": "MET", "Adequate Trial Count": 1}}}"""));

    assertThat(askedDefines).containsExactly(Set.of("TRD Status", "Adequate Trial Count"));
    assertThat(result.failures()).containsExactly("define 'TRD Status': expected \"MET\", actual \"NOT_MET\"");
  }

  @Test
  void rollsDatesAndAddsAHookInstanceBeforeTheCall() throws Exception {
    var seen = new ArrayList<String>();
    var recording = new ExampleRunner((service, request, extra, parameters) -> {
      seen.add(request.path("context").path("date").asText());
      seen.add(request.path("hookInstance").asText());
      return new HookEvaluation.Result(service, "Lib", new RenderedCards(List.of(), List.of()),
          new EvaluationResult(Map.of(), Map.of()));
    }, new ObjectMapper(), Clock.systemUTC());

    recording.run(write("svc/dated", """
        {"request": {"context": {"date": "${today}"}}, "expect": {}}"""));

    assertThat(seen.get(0)).matches("\\d{4}-\\d{2}-\\d{2}");
    assertThat(seen.get(1)).isNotBlank();
  }

  @Test
  void aFailedCallOrAnInvalidCaseFileIsAFailureNotAnException() throws Exception {
    assertThat(runner.run(write("no-such-service/x", "{\"request\": {}, \"expect\": {}}")).failures())
        .singleElement().asString().startsWith("the call failed (HTTP 404 unknown-service)");
    assertThat(runner.run(write("svc/typo", "{\"request\": {}, \"expect\": {\"card\": []}}")).failures())
        .singleElement().asString().startsWith("the case file is invalid: expect.card: unknown key");
  }

  @Test
  void aRuleNameTheServiceDoesNotHaveFailsTheCaseEvenInAbsent() throws Exception {
    var knowingRules = new ExampleRunner(new ExampleRunner.Evaluator() {
      @Override
      public HookEvaluation.Result evaluate(String service, ObjectNode request,
          Set<String> extra, Map<String, Object> parameters) {
        return new HookEvaluation.Result(service, "Lib", new RenderedCards(List.of(), List.of()),
            new EvaluationResult(Map.of(), Map.of()));
      }

      @Override
      public List<String> ruleIds(String service) {
        return List.of("chart-trd-met", "chart-mdd-psychotic-features");
      }
    }, new ObjectMapper(), Clock.systemUTC());

    var result = knowingRules.run(write("svc/quiet", """
        {"request": {}, "expect": {"absent": [{"rule": "chart-mdd-psychotic-feature"}]}}"""));

    assertThat(result.failures()).containsExactly("unknown rule chart-mdd-psychotic-feature: svc has the rules "
        + "chart-trd-met, chart-mdd-psychotic-features");
  }

  private Path write(String id, String json) throws Exception {
    var file = examples.resolve(id + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }

  private static Card card(Indicator indicator, String summary, String rule) {
    return new Card("u", summary, null, indicator, null, List.of(), null, List.of(), List.of(), rule);
  }
}
