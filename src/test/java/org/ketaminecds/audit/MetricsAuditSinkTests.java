package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.audit.Invocations.PATIENT_ID;
import static org.ketaminecds.audit.Invocations.SERVICE;
import static org.ketaminecds.audit.Invocations.card;
import static org.ketaminecds.audit.Invocations.invocation;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.ketaminecds.cards.Indicator;

class MetricsAuditSinkTests {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MetricsAuditSink sink = new MetricsAuditSink(meters);

  @Test
  void timesInvocationsPerServiceAndPhase() {
    sink.record(invocation(Instant.now(), 20));
    sink.record(invocation(Instant.now(), 40));

    var total = meters.get("cds.invocation").tags("service", SERVICE, "hook", "order-sign", "outcome", "ok").timer();
    assertThat(total.count()).isEqualTo(2);
    assertThat(total.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(60.0);
    assertThat(meters.get("cds.invocation.phase").tags("service", SERVICE, "phase", "evaluate").timer().count())
        .isEqualTo(2);
    assertThat(meters.get("cds.invocation.phase").tags("phase", "fetch").timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(4.0);
  }

  @Test
  void countsCardsPerRuleAndIndicatorAndDegradedRules() {
    sink.record(invocation(Instant.now(), 10, card("esketamine-rems", Indicator.WARNING, 1),
        card("esketamine-aneurysm", Indicator.CRITICAL, 0)));
    sink.record(invocation(Instant.now(), 10, card("esketamine-rems", Indicator.WARNING, 1)));
    InvocationAudit degraded = new InvocationAudit(Instant.now(), "h", SERVICE, "order-sign", Invocations.CLIENT,
        PATIENT_ID, List.of(), Map.of(), null, List.of("trd-history"), "ok");
    sink.record(degraded);

    assertThat(meters.get("cds.cards").tags("rule", "esketamine-rems", "indicator", "warning").counter().count())
        .isEqualTo(2.0);
    assertThat(meters.get("cds.cards").tags("rule", "esketamine-aneurysm", "indicator", "critical").counter()
        .count()).isEqualTo(1.0);
    assertThat(meters.get("cds.rules.degraded").tags("service", SERVICE, "rule", "trd-history").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void keepsClientChosenIdsOfUnknownServicesOutOfTags() {
    sink.record(new InvocationAudit(Instant.now(), "h", "random-id-123", "made-up-hook", Invocations.CLIENT,
        PATIENT_ID, List.of(), Map.of(), new Timings(null, null, null, null, java.time.Duration.ofMillis(1)),
        List.of(), "unknown-service"));

    assertThat(meters.get("cds.invocation").tags("service", "unknown", "hook", "none").timer().count())
        .isEqualTo(1);
    assertThat(tagValues()).doesNotContain("random-id-123", "made-up-hook");
  }

  @Test
  void putsNoPatientDataInAnyTag() {
    sink.record(invocation(Instant.now(), 10, card("esketamine-rems", Indicator.WARNING, 1)));

    assertThat(tagValues()).isNotEmpty().noneMatch(value -> value.contains(PATIENT_ID));
  }

  private List<String> tagValues() {
    return meters.getMeters().stream()
        .map(Meter::getId)
        .flatMap(id -> id.getTags().stream())
        .map(Tag::getValue)
        .toList();
  }
}
