package org.ketaminecds.invocation;

import java.time.Clock;
import java.util.List;
import org.ketaminecds.audit.AuditSink;
import org.ketaminecds.cards.CdsResponse;
import org.ketaminecds.problem.ProblemTypes;
import org.ketaminecds.reload.LiveContent;
import org.ketaminecds.reminders.RepeatReminders;
import org.ketaminecds.security.ClientIdentity;
import org.ketaminecds.security.FhirServerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one orchestrator: service (404) -> request and hook (400) -> fhirServer policy (403) -> prefetch
 * (412) -> CQL, only the defines the rules read (500) -> cards -> reminders already shown without new information
 * left out ({@link RepeatReminders}, after the evaluation slot is given back). Every invocation that got this far is
 * audited, failures included (outcome = problem type slug). The service definition and the CQL come from one
 * content set, read once per call ({@link LiveContent}): a reload during the call does not change them.
 */
@Component
class HookInvoker {

  private static final Logger log = LoggerFactory.getLogger(HookInvoker.class);

  private final LiveContent content;
  private final HookRequestValidator validator;
  private final FhirServerPolicy fhirServerPolicy;
  private final HookEvaluation steps;
  private final List<AuditSink> auditSinks;
  private final Clock clock;
  private final InvocationSlots slots;
  private final RepeatReminders reminders;

  HookInvoker(LiveContent content, HookRequestValidator validator, FhirServerPolicy fhirServerPolicy,
      HookEvaluation steps, List<AuditSink> auditSinks, ObjectProvider<Clock> clock, InvocationSlots slots,
      RepeatReminders reminders) {
    this.content = content;
    this.validator = validator;
    this.fhirServerPolicy = fhirServerPolicy;
    this.steps = steps;
    this.auditSinks = List.copyOf(auditSinks);
    this.clock = clock.getIfUnique(Clock::systemDefaultZone);
    this.slots = slots;
    this.reminders = reminders;
  }

  CdsResponse invoke(String serviceId, HookRequest request, ClientIdentity client) {
    var receivedAt = clock.instant();
    var trace = new InvocationTrace(receivedAt, serviceId, request, client);
    try (var mdcService = MDC.putCloseable("serviceId", serviceId);
        var mdcHook = MDC.putCloseable("hookInstance", request.safeHookInstance().orElse("-"))) {
      var version = content.current();
      var service = version.services().require(serviceId);
      var valid = validator.validate(request, service);
      var context = valid.context();
      trace.patient(context.patientId());
      if (valid.access() != null) {
        fhirServerPolicy.check(client, valid.access().fhirServer());
      }
      var data = trace.prefetch(() -> steps.gatedPrefetch(version, service, valid, receivedAt));
      // only the CPU-bound steps take an evaluation slot: a slow EHR (fetch above) cannot starve evaluation
      var rendered = slots.run(() -> {
        var result = trace.evaluate(() -> steps.evaluate(version, service, valid, data, receivedAt));
        return trace.render(() -> steps.render(service, result, data));
      });
      // only the cards returned are audited as issued: a suppressed reminder needs no feedback
      return trace.returned(reminders.suppressRepeats(service, context.patientId(), rendered, receivedAt))
          .toResponse();
    } catch (RuntimeException e) {
      trace.failed(ProblemTypes.of(e).orElse(ProblemTypes.EVALUATION_FAILED).slug());
      throw e;
    } finally {
      audit(trace);
    }
  }

  private void audit(InvocationTrace trace) {
    var audit = trace.toAudit();
    for (var sink : auditSinks) {
      try {
        sink.record(audit);
      } catch (RuntimeException e) {
        // the contract says sinks never throw; if one does, the answer still goes out
        log.error("audit sink {} failed for {}: {}", sink.getClass().getSimpleName(), audit, e.getClass().getName());
      }
    }
  }
}
