package org.ketaminecds.invocation;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ketaminecds.cql.CqlTracer;
import org.ketaminecds.cql.DefineTrace;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.reload.LiveContent;
import org.ketaminecds.security.ClientIdentity;
import org.ketaminecds.security.FhirServerPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The pipeline of {@link HookInvoker} for one hook request (the same reading, validation, fhirServer policy,
 * prefetch and card rendering on one content version), with the CQL traced define by define ({@link CqlTracer}).
 * Not audited and not an EHR answer: the explanation of one ({@code explain}).
 */
@Component
public class HookTracer {

  private final LiveContent content;
  private final HookRequestReader reader;
  private final HookRequestValidator validator;
  private final FhirServerPolicy fhirServerPolicy;
  private final HookEvaluation steps;
  private final Clock clock;
  private final InvocationSlots slots;

  HookTracer(LiveContent content, HookRequestReader reader, HookRequestValidator validator,
      FhirServerPolicy fhirServerPolicy, HookEvaluation steps, ObjectProvider<Clock> clock, InvocationSlots slots) {
    this.content = content;
    this.reader = reader;
    this.validator = validator;
    this.fhirServerPolicy = fhirServerPolicy;
    this.steps = steps;
    this.clock = clock.getIfUnique(Clock::systemDefaultZone);
    this.slots = slots;
  }

  /**
   * Runs a hook request (the JSON body an EHR would POST) against a service; problems are the endpoint's own
   * (400, 404, 403, 412).
   */
  public TracedInvocation trace(String serviceId, byte[] body, ClientIdentity client) {
    return trace(serviceId, body, client, Map.of());
  }

  /**
   * The same with CQL parameters for this call only (an example case's {@code parameters}), as {@link
   * HookEvaluation#evaluate(String, com.fasterxml.jackson.databind.node.ObjectNode, java.util.Set, Map)} takes them.
   */
  public TracedInvocation trace(String serviceId, byte[] body, ClientIdentity client,
      Map<String, Object> caseParameters) {
    var version = content.current();
    var service = version.services().require(serviceId);
    var request = reader.read(body);
    var valid = validator.validate(request, service);
    var context = valid.context();
    var parameters = CallParameters.of(version, context, caseParameters);
    if (valid.access() != null) {
      fhirServerPolicy.check(client, valid.access().fhirServer());
    }
    long started = System.nanoTime();
    // the endpoint's own prefetch and render steps (resource filter, incomplete-history notes), traced evaluation
    var data = steps.prefetch(version, service, valid, parameters.keySet());
    var prefetch = Duration.ofNanos(System.nanoTime() - started);
    var now = ZonedDateTime.now(clock);
    if (!(version.evaluator() instanceof CqlTracer tracer)) {
      throw new IllegalStateException("This content's evaluator cannot trace");
    }
    return slots.run(() -> {
      Map<String, DefineTrace> defines = tracer.trace(new EvaluationRequest(
          service.library().id(), context.patientId(), data.resources(), service.firstExpressions(), parameters, now,
          service.expressionsWhenMet()));
      var values = new LinkedHashMap<String, Object>();
      var failures = new LinkedHashMap<String, String>();
      defines.forEach((name, trace) -> {
        if (trace.failure() != null) {
          failures.put(name, trace.failure());
        } else {
          values.put(name, trace.value());
        }
      });
      var cards = steps.render(service, new EvaluationResult(values, failures), data);
      return new TracedInvocation(version.version(), service, valid.hook().wire(), now, cards,
          new LinkedHashMap<>(defines), prefetch, context.patientId());
    });
  }
}
