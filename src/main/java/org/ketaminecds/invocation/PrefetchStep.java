package org.ketaminecds.invocation;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ketaminecds.config.FhirParserIssues;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.prefetch.PrefetchRequest;
import org.ketaminecds.prefetch.PrefetchResolver;
import org.ketaminecds.reload.ContentSet;
import org.springframework.stereotype.Component;

/**
 * The prefetch step of a hook call: the records the service's rules can read, resolved from what the client sent and
 * its FHIR server, with the records no rule can read left out (the resource filter's needs of those defines).
 */
@Component
class PrefetchStep {

  private final PrefetchResolver resolver;

  PrefetchStep(PrefetchResolver resolver) {
    this.resolver = resolver;
  }

  /** What every rule of the service can read ({@code parameters}: the CQL parameters the call sets itself). */
  PatientData full(ContentSet version, ServiceDefinition service, ValidatedRequest valid, Set<String> parameters) {
    return resolver.resolve(request(version, service, valid, rulesDefines(service), parameters));
  }

  /**
   * For a gated service ({@link ServiceGate}): first only what its gate reads, and only when the request carries all
   * of it (no call to the FHIR server: nothing is fetched twice, and nothing the gate reads is left unresolved); when
   * the gate, evaluated on that, is closed, that is all the call needs, a small part of the chart parsed (the filter
   * keeps every record the gate can read, so its value is the one the whole chart gives). Otherwise {@link #full}.
   */
  PatientData gated(ContentSet version, ServiceDefinition service, ValidatedRequest valid, ZonedDateTime now,
      Map<String, Object> parameters) {
    var gate = service.appliesWhen();
    if (gate != null) {
      var parserIssues = FhirParserIssues.markThisThread();
      var gateData = resolver.resolveWithoutServer(request(version, service, valid, Set.of(gate), parameters.keySet()));
      if (gateData.isPresent() && ServiceGate.closed(gate, version.evaluator().evaluate(new EvaluationRequest(
          service.library().id(), valid.context().patientId(), gateData.get().resources(), Set.of(gate), parameters,
          now)))) {
        return gateData.get();
      }
      FhirParserIssues.rollBackThisThread(parserIssues); // what the gate's step parsed is parsed again below
    }
    return full(version, service, valid, parameters.keySet());
  }

  private static Set<String> rulesDefines(ServiceDefinition service) {
    var expressions = new TreeSet<>(service.firstExpressions());
    service.expressionsWhenMet().values().forEach(expressions::addAll);
    return expressions;
  }

  private static PrefetchRequest request(ContentSet version, ServiceDefinition service, ValidatedRequest valid,
      Set<String> expressions, Set<String> parameters) {
    var context = valid.context();
    return new PrefetchRequest(service.prefetch(), context.prefetchTokens(), valid.given(), valid.access(),
        context.draftResources(), version.evaluator().dataNeeds(service.library().id(), expressions, parameters),
        service.optionalPrefetch());
  }
}
