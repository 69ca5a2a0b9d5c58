package org.ketaminecds.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.prefetch.PatientData.KeySource;
import org.ketaminecds.security.ClientIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one {@code invocation_audit} row and one {@code issued_card} row per card, in one transaction. The
 * patient id is stored only as its HMAC. A failed write is logged (service id, hookInstance and the error
 * class, never values) and counted in {@code cds.audit.write.failures}; it never reaches the request.
 */
@Component
class JdbcAuditSink implements AuditSink {

  private static final Logger log = LoggerFactory.getLogger(JdbcAuditSink.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final PatientIdHasher hasher;
  private final Counter failures;

  JdbcAuditSink(JdbcClient jdbc, PlatformTransactionManager transactions, PatientIdHasher hasher,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.hasher = hasher;
    this.failures = Counter.builder("cds.audit.write.failures")
        .description("Invocation audit records that could not be stored").register(meters);
  }

  @Override
  public void record(InvocationAudit audit) {
    try {
      transaction.executeWithoutResult(status -> insert(audit));
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Audit record not stored: service={} hookInstance={} error={}",
          audit.serviceId(), audit.hookInstance(), e.getClass().getName());
    }
  }

  private void insert(InvocationAudit audit) {
    UUID id = UUID.randomUUID();
    OffsetDateTime receivedAt = utc(audit.receivedAt() == null ? Instant.now() : audit.receivedAt());
    ClientIdentity client = audit.client() == null ? ClientIdentity.anonymous() : audit.client();
    Map<Indicator, Long> indicators = audit.cards().stream()
        .filter(card -> card.indicator() != null)
        .collect(Collectors.groupingBy(IssuedCard::indicator, Collectors.counting()));
    Timings timings = audit.timings() == null ? new Timings(null, null, null, null, null) : audit.timings();
    jdbc.sql("""
            INSERT INTO invocation_audit (id, received_at, hook_instance, service_id, hook, client_issuer,
              client_tenant, patient_hash, outcome, cards_info, cards_warning, cards_critical,
              prefetch_keys_received, prefetch_keys_fetched, degraded_rules,
              prefetch_micros, fetch_micros, evaluate_micros, render_micros, total_micros)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, receivedAt, audit.hookInstance(), audit.serviceId(), audit.hook(), client.issuer(),
            client.tenant(), hasher.hash(audit.patientId()), audit.outcome() == null ? "ok" : audit.outcome(),
            indicators.getOrDefault(Indicator.INFO, 0L), indicators.getOrDefault(Indicator.WARNING, 0L),
            indicators.getOrDefault(Indicator.CRITICAL, 0L),
            keys(audit.keySources(), KeySource.PREFETCHED), keys(audit.keySources(), KeySource.FETCHED),
            String.join(",", audit.degradedRules()),
            micros(timings.prefetch()), micros(timings.fetch()), micros(timings.evaluate()),
            micros(timings.render()), micros(timings.total()))
        .update();
    for (IssuedCard card : audit.cards()) {
      if (card.uuid() == null) {
        continue;
      }
      jdbc.sql("""
              INSERT INTO issued_card (audit_id, service_id, card_uuid, rule_id, indicator, suggestion_uuids,
                issued_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(id, audit.serviceId(), card.uuid(), card.ruleId() == null ? "" : card.ruleId(),
              card.indicator() == null ? "" : card.indicator().wire(),
              String.join(",", card.suggestionUuids()), receivedAt)
          .update();
    }
  }

  private static String keys(Map<String, KeySource> sources, KeySource wanted) {
    return sources.entrySet().stream()
        .filter(e -> e.getValue() == wanted)
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.joining(","));
  }

  private static Long micros(Duration duration) {
    return duration == null ? null : duration.toNanos() / 1_000;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
