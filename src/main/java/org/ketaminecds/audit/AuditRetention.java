package org.ketaminecds.audit;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes what is older than {@code cds.audit.retention}: invocation audit rows (their issued cards go with
 * them), and feedback received before the same cut-off, since its free-text comments may name a patient.
 */
@Component
class AuditRetention {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Duration retention;

  AuditRetention(JdbcClient jdbc, PlatformTransactionManager transactions, AuditProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.retention = properties.retention();
  }

  @Scheduled(cron = "${cds.audit.purge-cron:0 30 3 * * *}")
  void purgeExpired() {
    try {
      purge(Instant.now());
    } catch (RuntimeException e) {
      log.warn("Audit purge failed, next run retries: {}", e.getClass().getName());
    }
  }

  /** Deletes rows older than {@code now - retention}; returns how many invocation and feedback rows went. */
  Purged purge(Instant now) {
    Instant cutoff = now.minus(retention);
    Purged purged = transaction.execute(status -> new Purged(
        jdbc.sql("DELETE FROM invocation_audit WHERE received_at < ?")
            .param(JdbcAuditSink.utc(cutoff)).update(),
        jdbc.sql("DELETE FROM feedback WHERE received_at < ?").param(JdbcAuditSink.utc(cutoff)).update()));
    log.info("Audit purge before {}: {} invocations, {} feedback items deleted",
        cutoff, purged.invocations(), purged.feedback());
    return purged;
  }

  record Purged(int invocations, int feedback) {}
}
