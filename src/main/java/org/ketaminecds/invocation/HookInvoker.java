package org.ketaminecds.invocation;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ketaminecds.audit.AuditSink;
import org.ketaminecds.cards.CardRenderer;
import org.ketaminecds.cards.CdsResponse;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.definition.ServiceCatalog;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.PrefetchRequest;
import org.ketaminecds.prefetch.PrefetchResolver;
import org.ketaminecds.problem.ProblemTypes;
import org.ketaminecds.security.ClientIdentity;
import org.ketaminecds.security.FhirServerPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one orchestrator: service (404) -> request and hook (400) -> fhirServer policy (403) -> prefetch
 * (412) -> CQL, only the defines the rules read (500) -> cards. Every invocation that got this far is
 * audited, failures included (outcome = problem type slug).
 */
@Component
class HookInvoker {

  private static final Logger log = LoggerFactory.getLogger(HookInvoker.class);

  private final ServiceCatalog catalog;
  private final HookRequestValidator validator;
  private final FhirServerPolicy fhirServerPolicy;
  private final PrefetchResolver prefetchResolver;
  private final CqlEvaluator cqlEvaluator;
  private final CardRenderer cardRenderer;
  private final List<AuditSink> auditSinks;
  private final Clock clock;
  private final InvocationSlots slots;

  HookInvoker(ServiceCatalog catalog, HookRequestValidator validator, FhirServerPolicy fhirServerPolicy,
      PrefetchResolver prefetchResolver, CqlEvaluator cqlEvaluator, CardRenderer cardRenderer,
      List<AuditSink> auditSinks, ObjectProvider<Clock> clock, InvocationSlots slots) {
    this.catalog = catalog;
    this.validator = validator;
    this.fhirServerPolicy = fhirServerPolicy;
    this.prefetchResolver = prefetchResolver;
    this.cqlEvaluator = cqlEvaluator;
    this.cardRenderer = cardRenderer;
    this.auditSinks = List.copyOf(auditSinks);
    this.clock = clock.getIfUnique(Clock::systemDefaultZone);
    this.slots = slots;
  }

  CdsResponse invoke(String serviceId, HookRequest request, ClientIdentity client) {
    var receivedAt = clock.instant();
    var trace = new InvocationTrace(receivedAt, serviceId, request, client);
    try (var mdcService = MDC.putCloseable("serviceId", serviceId);
        var mdcHook = MDC.putCloseable("hookInstance", request.safeHookInstance().orElse("-"))) {
      var service = catalog.require(serviceId);
      var valid = validator.validate(request, service);
      var context = valid.context();
      trace.patient(context.patientId());
      if (valid.access() != null) {
        fhirServerPolicy.check(client, valid.access().fhirServer());
      }
      var data = trace.prefetch(() -> prefetchResolver.resolve(new PrefetchRequest(
          service.prefetch(), context.prefetchTokens(), valid.given(), valid.access(), context.draftResources(),
          cqlEvaluator.dataNeeds(service.library().id(), allExpressions(service)))));
      // only the CPU-bound steps take an evaluation slot: a slow EHR (fetch above) cannot starve evaluation
      return slots.run(() -> {
        var result = trace.evaluate(() -> cqlEvaluator.evaluate(new EvaluationRequest(
            service.library().id(), context.patientId(), data.resources(), service.firstExpressions(), Map.of(),
            ZonedDateTime.ofInstant(receivedAt, clock.getZone()), service.expressionsWhenMet())));
        return trace.render(() -> cardRenderer.render(service.rules(), result)).toResponse();
      });
    } catch (RuntimeException e) {
      trace.failed(ProblemTypes.of(e).orElse(ProblemTypes.EVALUATION_FAILED).slug());
      throw e;
    } finally {
      audit(trace);
    }
  }

  /** Every define the rules may read: the conditions and what is read when they are met. */
  private static Set<String> allExpressions(ServiceDefinition service) {
    var all = new TreeSet<>(service.firstExpressions());
    service.expressionsWhenMet().values().forEach(all::addAll);
    return all;
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
