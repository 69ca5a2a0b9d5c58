package org.ketaminecds.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cards.CqlValues;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.contenttest.CaseParameters;
import org.ketaminecds.cql.DefineTrace;
import org.ketaminecds.definition.RelativeDates;
import org.ketaminecds.invocation.HookEvaluation;
import org.ketaminecds.invocation.HookTracer;
import org.ketaminecds.invocation.TracedInvocation;
import org.ketaminecds.problem.InvalidRequestException;
import org.ketaminecds.reminders.RepeatReminders;
import org.ketaminecds.security.ClientIdentity;
import org.springframework.stereotype.Component;

/** Turns a traced invocation ({@link HookTracer}) into an {@link Explanation}, rule by rule. */
@Component
class Explainer {

  private final HookTracer tracer;
  private final HookEvaluation evaluation;
  private final RepeatReminders reminders;
  private final ObjectMapper mapper = new ObjectMapper();

  Explainer(HookTracer tracer, HookEvaluation evaluation, RepeatReminders reminders) {
    this.tracer = tracer;
    this.evaluation = evaluation;
    this.reminders = reminders;
  }

  /**
   * Explains a hook request, or an example case ({@code cds-hooks/examples/...}: its {@code request}, dates rolled
   * as the example runner rolls them, and its {@code parameters} applied as the runner applies them); a missing
   * {@code hookInstance} is filled in, as the runner does.
   */
  Explanation explain(String serviceId, byte[] body, ClientIdentity client) {
    var traced = tracer.trace(serviceId, asHookRequest(body), client, caseParameters(body));
    return explain(traced, reminders.repeats(traced.service(), traced.patientId(), traced.cards(),
        traced.now().toInstant()));
  }

  /** An example case's CQL parameters, typed; a bad one is a 400 naming it. */
  private Map<String, Object> caseParameters(byte[] body) {
    try {
      var text = new String(body, StandardCharsets.UTF_8);
      var tree = mapper.readTree(text);
      if (!(tree instanceof ObjectNode object) || object.has("hook") || !object.has("parameters")) {
        return Map.of();
      }
      return CaseParameters.read("the example case", object, text, mapper).typed(evaluation.parameterTypes());
    } catch (IOException malformed) {
      return Map.of(); // the hook request reader reports it as the endpoint does
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.at("/parameters", e.getMessage());
    }
  }

  private byte[] asHookRequest(byte[] body) {
    try {
      var tree = mapper.readTree(body);
      if (tree instanceof ObjectNode object && !object.has("hook") && object.path("request").isObject()) {
        tree = new RelativeDates(ZonedDateTime.now()).substitute(object.get("request"));
      }
      if (tree instanceof ObjectNode object && !object.has("hookInstance")) {
        object.put("hookInstance", UUID.randomUUID().toString());
      }
      return tree == null ? body : mapper.writeValueAsBytes(tree);
    } catch (IOException malformed) {
      return body; // the hook request reader reports it as the endpoint does
    }
  }

  /** {@code repeats}: the rules whose card the endpoint would leave out as a repeated reminder. */
  static Explanation explain(TracedInvocation traced, Set<String> repeats) {
    var rules = new ArrayList<Explanation.Rule>();
    for (CardRule rule : traced.service().rules()) {
      rules.add(rule(rule, traced, repeats.contains(rule.id())));
    }
    double evaluation = traced.defines().values().stream().mapToLong(DefineTrace::micros).sum() / 1000.0;
    return new Explanation(traced.service().id(), traced.hook(), traced.contentVersion(), traced.now(),
        traced.prefetch().toNanos() / 1e6, evaluation, rules);
  }

  private static Explanation.Rule rule(CardRule rule, TracedInvocation traced, boolean repeat) {
    var card = traced.cards().cards().stream().filter(c -> rule.id().equals(c.ruleId())).findFirst();
    var degraded = traced.cards().degraded().stream().filter(d -> rule.id().equals(d.rule())).findFirst();
    String outcome = card.isPresent() ? (repeat ? "repeat" : "fired") : degraded.isPresent() ? "degraded" : "quiet";
    var condition = define(rule.conditionExpression(), traced);
    var defines = new ArrayList<Explanation.Define>();
    for (String name : rule.expressions()) {
      if (!name.equals(rule.conditionExpression())) {
        defines.add(define(name, traced));
      }
    }
    var evidence = new TreeSet<String>(condition.resources());
    defines.forEach(d -> evidence.addAll(d.resources()));
    return new Explanation.Rule(rule.id(), outcome, rule.card().indicator() == null ? null
        : rule.card().indicator().wire(), card.map(Card::summary).orElse(null),
        degraded.map(DegradedRule::reason).orElse(null), condition, defines, List.copyOf(evidence));
  }

  private static Explanation.Define define(String name, TracedInvocation traced) {
    DefineTrace trace = traced.defines().get(name);
    if (trace == null) {
      return new Explanation.Define(name, false, null, null, List.of(), 0, null);
    }
    return new Explanation.Define(name, true, trace.failure() == null ? text(trace.value()) : null,
        type(trace.value()), trace.resources(), trace.micros() / 1000.0, trace.failure());
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Boolean bool ? bool.toString() : CqlValues.text(value);
  }

  private static String type(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection<?> list) {
      return "List (" + list.size() + ")";
    }
    return value.getClass().getSimpleName();
  }
}
