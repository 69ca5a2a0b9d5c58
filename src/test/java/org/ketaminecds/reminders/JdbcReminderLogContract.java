package org.ketaminecds.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.StorageIntegrationSupport;
import org.ketaminecds.audit.TestDatabase;
import org.ketaminecds.reminders.JdbcReminderLog.Reminder;

/**
 * The shared reminder log as replicas use it: each {@link JdbcReminderLog} below is one instance, all on one
 * database, run once on the H2 default and once on PostgreSQL. Time is given to each call (the invocation's
 * receivedAt, from the application's Clock), so the quiet period is tested without waiting.
 */
abstract class JdbcReminderLogContract extends StorageIntegrationSupport {

  private static final Duration QUIET = Duration.ofDays(30);
  private static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");
  private static final Reminder PREGNANCY = new Reminder("a1".repeat(32), "ketamine-order-check",
      "esketamine-pregnancy-status-unknown");
  private static final String EVIDENCE = "e1".repeat(32);

  JdbcReminderLogContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void emptyReminderLog() {
    jdbc().sql("DELETE FROM card_reminder").update();
  }

  @Test
  void aReminderShownByOneInstanceIsNotShownAgainByAnotherWithinItsQuietPeriod() {
    var first = instance();
    var second = instance();

    assertThat(first.show(PREGNANCY, EVIDENCE, T0, QUIET)).isTrue();
    assertThat(second.show(PREGNANCY, EVIDENCE, T0.plusSeconds(20), QUIET)).isFalse();
    assertThat(first.show(PREGNANCY, EVIDENCE, T0.plus(QUIET).minusSeconds(1), QUIET)).isFalse();
  }

  @Test
  void afterTheQuietPeriodTheReminderIsShownOnceMoreAndAQuietPeriodStartsAgain() {
    instance().show(PREGNANCY, EVIDENCE, T0, QUIET);
    var later = T0.plus(QUIET).plus(1, ChronoUnit.HOURS);

    assertThat(instance().show(PREGNANCY, EVIDENCE, later, QUIET)).isTrue();
    assertThat(instance().show(PREGNANCY, EVIDENCE, later.plus(1, ChronoUnit.DAYS), QUIET)).isFalse();
  }

  @Test
  void otherEvidenceIsNewInformation() {
    instance().show(PREGNANCY, EVIDENCE, T0, QUIET);

    assertThat(instance().show(PREGNANCY, "e2".repeat(32), T0.plusSeconds(60), QUIET)).isTrue();
    assertThat(instance().show(PREGNANCY, "e2".repeat(32), T0.plusSeconds(120), QUIET)).isFalse();
    assertThat(instance().show(PREGNANCY, EVIDENCE, T0.plusSeconds(180), QUIET)).isTrue();
  }

  @Test
  void eachPatientServiceAndRuleHasItsOwnReminder() {
    var log = instance();
    log.show(PREGNANCY, EVIDENCE, T0, QUIET);

    assertThat(log.show(new Reminder("b2".repeat(32), PREGNANCY.serviceId(), PREGNANCY.ruleId()), EVIDENCE, T0, QUIET))
        .isTrue();
    assertThat(log.show(new Reminder(PREGNANCY.patientHash(), "other-service", PREGNANCY.ruleId()), EVIDENCE, T0,
        QUIET)).isTrue();
    assertThat(log.show(new Reminder(PREGNANCY.patientHash(), PREGNANCY.serviceId(), "other-rule"), EVIDENCE, T0,
        QUIET)).isTrue();
    assertThat(log.show(PREGNANCY, EVIDENCE, T0, QUIET)).isFalse();
  }

  @Test
  void aReminderWhoseRuleStoppedFiringIsShownAgainWhenItFiresAgain() {
    var log = instance();
    log.show(PREGNANCY, EVIDENCE, T0, QUIET);

    assertThat(log.forget(PREGNANCY.patientHash(), PREGNANCY.serviceId(), Set.of(PREGNANCY.ruleId(), "other")))
        .isEqualTo(1);
    assertThat(instance().show(PREGNANCY, EVIDENCE, T0.plusSeconds(60), QUIET)).isTrue();
  }

  @Test
  void onlyOneOfManyInstancesRacingWithTheSameReminderShowsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        var instance = instance();
        racers.add(() -> instance.show(PREGNANCY, EVIDENCE, T0, QUIET));
      }
      List<Boolean> shown = new ArrayList<>();
      for (Future<Boolean> outcome : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
        shown.add(outcome.get());
      }

      assertThat(shown).containsOnlyOnce(true).hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void thePurgeDeletesOnlyRowsPastTheirQuietPeriod() {
    var log = instance();
    log.show(PREGNANCY, EVIDENCE, T0, QUIET);
    log.show(new Reminder(PREGNANCY.patientHash(), PREGNANCY.serviceId(), "short"), EVIDENCE, T0, Duration.ofDays(1));

    assertThat(log.purge(T0.plus(Duration.ofDays(2)))).isEqualTo(1);
    assertThat(count("card_reminder")).isEqualTo(1);
    assertThat(log.purge(T0.plus(QUIET))).isEqualTo(1);
    assertThat(count("card_reminder")).isZero();
  }

  private JdbcReminderLog instance() {
    return new JdbcReminderLog(jdbc());
  }
}
