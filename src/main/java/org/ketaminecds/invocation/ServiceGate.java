package org.ketaminecds.invocation;

import java.util.Set;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.definition.ServiceDefinition;

/**
 * A service's {@code _config.appliesWhen}: one Boolean define, evaluated alone before the rules, that is false when no
 * rule of the service can fire for the call. Most order-sign and order-select calls an EHR sends are for other drugs;
 * for them the gate ("no ketamine product among the draft orders") is all that is evaluated, on only the records it
 * reads (the resource filter derives them from that one define). Only a plain false closes the gate: null, a failure
 * or any other value evaluates every rule as if there were no gate. The in-process path ({@link HookEvaluation#evaluate
 * }) checks every closed gate against the full evaluation, so an example case in which the gate would hide a card
 * fails.
 */
final class ServiceGate {

  private ServiceGate() {}

  /** The evaluation of the rules' defines; only the gate's value when the gate is closed. */
  static EvaluationResult evaluate(CqlEvaluator evaluator, String gate, EvaluationRequest rules) {
    if (gate == null) {
      return evaluator.evaluate(rules);
    }
    var alone = evaluator.evaluate(new EvaluationRequest(rules.library(), rules.patientId(), rules.resources(),
        Set.of(gate), rules.parameters(), rules.now()));
    return closed(gate, alone) ? alone : evaluator.evaluate(rules);
  }

  /** A closed gate that would hide a card is a content error (in-process calls only: example cases, explain). */
  static void check(ServiceDefinition service, RenderedCards withoutGate) {
    if (!withoutGate.cards().isEmpty()) {
      throw new IllegalStateException("_config.appliesWhen \"" + service.appliesWhen() + "\" of service "
          + service.id() + " is false, but without it rule(s) "
          + withoutGate.cards().stream().map(Card::ruleId).distinct().toList() + " fire: the gate would hide their cards");
    }
  }

  /** Whether {@code result} says the gate is closed: the gate's define evaluated, without failure, to false. */
  static boolean closed(String gate, EvaluationResult result) {
    return gate != null && !result.failed(gate) && Boolean.FALSE.equals(result.value(gate));
  }
}
