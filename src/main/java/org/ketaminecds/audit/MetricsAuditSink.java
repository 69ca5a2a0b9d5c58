package org.ketaminecds.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.springframework.stereotype.Component;

/**
 * Turns each invocation into Micrometer meters (served at {@code /actuator/prometheus}). Tags hold only
 * configuration vocabulary: service id, hook, outcome slug, phase, rule id, indicator; never request data
 * (ids of unknown services and hooks of malformed requests are replaced by {@code unknown} / {@code none}).
 * <ul>
 *   <li>{@code cds.invocation} timer: service, hook, outcome (total wall time, with a percentile histogram)
 *   <li>{@code cds.invocation.phase} timer: service, phase = prefetch | fetch | evaluate | render
 *   <li>{@code cds.cards} counter: service, rule, indicator
 *   <li>{@code cds.rules.degraded} counter: service, rule
 * </ul>
 */
@Component
class MetricsAuditSink implements AuditSink {

  private static final String UNKNOWN_SERVICE = "unknown-service";
  private static final String INVALID_REQUEST = "invalid-request";

  private final MeterRegistry meters;

  MetricsAuditSink(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public void record(InvocationAudit audit) {
    // a request for an unknown service or a malformed one carries client-chosen ids: keep them out of tags
    boolean clientChosen = UNKNOWN_SERVICE.equals(audit.outcome()) || INVALID_REQUEST.equals(audit.outcome());
    String service = UNKNOWN_SERVICE.equals(audit.outcome()) ? "unknown" : orNone(audit.serviceId());
    String hook = clientChosen ? "none" : orNone(audit.hook());
    Timings timings = audit.timings();
    if (timings != null) {
      if (timings.total() != null) {
        Timer.builder("cds.invocation")
            .description("CDS service invocations, end to end")
            .tags("service", service, "hook", hook, "outcome", orNone(audit.outcome()))
            .publishPercentileHistogram()
            .register(meters)
            .record(timings.total());
      }
      phase(service, "prefetch", timings.prefetch());
      phase(service, "fetch", timings.fetch());
      phase(service, "evaluate", timings.evaluate());
      phase(service, "render", timings.render());
    }
    for (IssuedCard card : audit.cards()) {
      Counter.builder("cds.cards")
          .description("Cards returned, by the rule that produced them")
          .tags("service", service, "rule", orNone(card.ruleId()),
              "indicator", card.indicator() == null ? "none" : card.indicator().wire())
          .register(meters)
          .increment();
    }
    for (String rule : audit.degradedRules()) {
      Counter.builder("cds.rules.degraded")
          .description("Rules that could not be evaluated (their card was left out)")
          .tags("service", service, "rule", orNone(rule))
          .register(meters)
          .increment();
    }
  }

  private void phase(String service, String phase, Duration elapsed) {
    if (elapsed != null) {
      Timer.builder("cds.invocation.phase")
          .description("Time spent per pipeline phase; fetch is the FHIR-server part of prefetch")
          .tags("service", service, "phase", phase)
          .register(meters)
          .record(elapsed);
    }
  }

  private static String orNone(String value) {
    return value == null || value.isBlank() ? "none" : value;
  }
}
