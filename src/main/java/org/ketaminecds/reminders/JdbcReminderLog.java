package org.ketaminecds.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * When each reminder was last shown, shared by every instance on the configured database (table
 * {@code card_reminder}, migration V4): one row per patient hash, service and rule, holding the evidence hash of
 * the card shown and the end of its quiet period. Deciding is one statement per card, atomic on H2 and PostgreSQL
 * alike: the first instance to insert a row shows the card; an instance that finds the row shows it only when it
 * can take the row over (quiet period over, or other evidence). Database errors reach the caller.
 */
final class JdbcReminderLog {

  private final JdbcClient jdbc;

  JdbcReminderLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a showing of the reminder unless it is a repeat.
   *
   * @return true when the card is to be shown: first time, other evidence than last time, or the quiet period over
   */
  boolean show(Reminder reminder, String evidence, Instant now, Duration quiet) {
    var until = utc(now.plus(quiet));
    try {
      jdbc.sql("""
              INSERT INTO card_reminder (patient_hash, service_id, rule_id, evidence, shown_at, quiet_until)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(reminder.patientHash(), reminder.serviceId(), reminder.ruleId(), evidence, utc(now), until)
          .update();
      return true;
    } catch (DuplicateKeyException shownBefore) {
      int takenOver = jdbc.sql("""
              UPDATE card_reminder SET evidence = ?, shown_at = ?, quiet_until = ?
              WHERE patient_hash = ? AND service_id = ? AND rule_id = ? AND (quiet_until <= ? OR evidence <> ?)""")
          .params(evidence, utc(now), until, reminder.patientHash(), reminder.serviceId(), reminder.ruleId(),
              utc(now), evidence)
          .update();
      return takenOver == 1;
    }
  }

  /** Whether {@link #show} would leave this card out now; changes nothing (for explaining). */
  boolean wouldRepeat(Reminder reminder, String evidence, Instant now) {
    return jdbc.sql("""
            SELECT COUNT(*) FROM card_reminder
            WHERE patient_hash = ? AND service_id = ? AND rule_id = ? AND quiet_until > ? AND evidence = ?""")
        .params(reminder.patientHash(), reminder.serviceId(), reminder.ruleId(), utc(now), evidence)
        .query(Long.class).single() > 0;
  }

  /** The rules no longer fire for this patient: their next showing is new information, whenever it comes. */
  int forget(String patientHash, String serviceId, Collection<String> ruleIds) {
    int forgotten = 0;
    for (var ruleId : ruleIds) {
      forgotten += jdbc.sql("DELETE FROM card_reminder WHERE patient_hash = ? AND service_id = ? AND rule_id = ?")
          .params(patientHash, serviceId, ruleId)
          .update();
    }
    return forgotten;
  }

  /** Deletes the rows whose quiet period is over: they no longer suppress anything. */
  int purge(Instant now) {
    return jdbc.sql("DELETE FROM card_reminder WHERE quiet_until <= ?").param(utc(now)).update();
  }

  /** One reminder of one patient: the pseudonymous patient hash (never the id), the service and the rule. */
  record Reminder(String patientHash, String serviceId, String ruleId) {}

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
