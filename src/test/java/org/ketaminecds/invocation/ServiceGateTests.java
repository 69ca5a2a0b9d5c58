package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * A service's gate is evaluated alone first; only a plain false spares the rules' evaluation, and the answer then
 * has no card.
 */
class ServiceGateTests {

  private static final String GATE = "Ketamine Product Ordered";
  private static final EvaluationRequest RULES = new EvaluationRequest("KetamineOrderCheck", "p1", List.of(),
      Set.of("TRD Met", "Esketamine Monitoring"), Map.of(), ZonedDateTime.now(), Map.of("TRD Met", Set.of("Trial Lines")));

  /** Answers each define with the value given (absent: true), or a failure; records what it was asked. */
  private static final class Recording implements CqlEvaluator {
    final List<Set<String>> asked = new ArrayList<>();
    final Map<String, Object> values = new HashMap<>();
    final Set<String> failing = new java.util.HashSet<>();

    @Override
    public EvaluationResult evaluate(EvaluationRequest request) {
      asked.add(request.expressions());
      var out = new HashMap<String, Object>();
      var failures = new HashMap<String, String>();
      request.expressions().forEach(e -> {
        if (failing.contains(e)) {
          failures.put(e, "CqlException in define \"" + e + "\"");
        } else {
          out.put(e, values.getOrDefault(e, true));
        }
      });
      return new EvaluationResult(out, failures);
    }
  }

  @Test
  void aClosedGateIsAllThatIsEvaluated() {
    var evaluator = new Recording();
    evaluator.values.put(GATE, false);

    var result = ServiceGate.evaluate(evaluator, GATE, RULES);

    assertThat(evaluator.asked).containsExactly(Set.of(GATE));
    assertThat(ServiceGate.closed(GATE, result)).isTrue();
  }

  @Test
  void anOpenNullOrFailedGateEvaluatesTheRulesAsWithoutIt() {
    for (Object gateValue : new Object[] {true, null, List.of()}) {
      var evaluator = new Recording();
      evaluator.values.put(GATE, gateValue);

      var result = ServiceGate.evaluate(evaluator, GATE, RULES);

      assertThat(evaluator.asked).as("gate %s", gateValue).containsExactly(Set.of(GATE), RULES.expressions());
      assertThat(ServiceGate.closed(GATE, result)).isFalse();
      assertThat(result.values()).containsKeys("TRD Met", "Esketamine Monitoring");
    }
    var failing = new Recording();
    failing.failing.add(GATE);
    assertThat(ServiceGate.closed(GATE, ServiceGate.evaluate(failing, GATE, RULES))).isFalse();
    assertThat(failing.asked).containsExactly(Set.of(GATE), RULES.expressions());
  }

  @Test
  void withoutAGateTheRulesAreEvaluatedOnce() {
    var evaluator = new Recording();

    var result = ServiceGate.evaluate(evaluator, null, RULES);

    assertThat(evaluator.asked).containsExactly(RULES.expressions());
    assertThat(ServiceGate.closed(null, result)).isFalse();
  }
}
