package org.ketaminecds.reminders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.audit.PatientIdHasher;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.reminders.JdbcReminderLog.Reminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The step after rendering, on the endpoint path only: drops the cards of reminder rules ({@link CardRule#repeat()})
 * already shown to this patient by this service without new information (docs/content/service-definitions.md,
 * "Reminders that do not repeat"). A reminder is shown again when its rendered summary or detail differ from the
 * last showing, when its rule stopped firing for the patient in between (a later firing is news), or after its quiet
 * period. Keyed by the audit's patient hash, the service id and the rule id, on the configured database, so replicas
 * share it. The in-process evaluation (content tests, explain) never goes through here and stays deterministic.
 *
 * <p>When the store cannot be reached the card is shown (a reminder too many is better than one missed), the
 * failure is logged by error class and counted ({@code cds.cards.reminders.store.failures}).
 */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
public class RepeatReminders {

  private static final Logger log = LoggerFactory.getLogger(RepeatReminders.class);

  private final JdbcReminderLog store;
  private final PatientIdHasher hasher;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter failures;

  RepeatReminders(ReminderProperties properties, ObjectProvider<JdbcClient> jdbc, ObjectProvider<PatientIdHasher> hasher,
      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
    var database = jdbc.getIfAvailable();
    this.hasher = hasher.getIfAvailable();
    // off by configuration, or a slice without storage: every card is returned
    this.store = properties.suppressRepeats() && database != null && this.hasher != null
        ? new JdbcReminderLog(database) : null;
    this.clock = clock.getIfUnique(Clock::systemUTC);
    this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    this.failures = Counter.builder("cds.cards.reminders.store.failures")
        .description("Reminder checks that could not reach the shared store (the card was shown)")
        .register(this.meters);
  }

  /**
   * The cards to return: {@code rendered} without the reminders that would repeat; records the ones shown.
   *
   * @param patientId the hook context's patient (hashed before anything is stored); null: nothing is suppressed
   */
  public RenderedCards suppressRepeats(ServiceDefinition service, String patientId, RenderedCards rendered,
      Instant now) {
    var reminders = reminderRules(service);
    // A call that answers nothing (an order without ketamine: most order-sign calls) says nothing about a reminder:
    // it neither repeats one nor is news that resets one, and it costs no database statement.
    if (store == null || patientId == null || reminders.isEmpty() || rendered.cards().isEmpty()) {
      return rendered;
    }
    var patientHash = hasher.hash(patientId);
    var kept = new ArrayList<Card>();
    var quiet = new LinkedHashSet<>(reminders.keySet());
    rendered.degraded().stream().map(DegradedRule::rule).forEach(quiet::remove); // not evaluated: no news either way
    for (var card : rendered.cards()) {
      var rule = card.ruleId() == null ? null : reminders.get(card.ruleId());
      quiet.remove(card.ruleId());
      if (rule == null || show(new Reminder(patientHash, service.id(), rule.id()), rule, card, now)) {
        kept.add(card);
      } else {
        suppressed(service.id(), rule.id());
      }
    }
    forget(patientHash, service.id(), quiet);
    return kept.size() == rendered.cards().size() ? rendered : new RenderedCards(kept, rendered.degraded());
  }

  /**
   * The rules whose card in {@code rendered} the endpoint would leave out as a repeat now, without recording
   * anything (explain). Empty when switched off or when the store cannot be read.
   */
  public Set<String> repeats(ServiceDefinition service, String patientId, RenderedCards rendered, Instant now) {
    var reminders = reminderRules(service);
    if (store == null || patientId == null || reminders.isEmpty()) {
      return Set.of();
    }
    var patientHash = hasher.hash(patientId);
    var repeats = new LinkedHashSet<String>();
    try {
      for (var card : rendered.cards()) {
        if (card.ruleId() != null && reminders.containsKey(card.ruleId())
            && store.wouldRepeat(new Reminder(patientHash, service.id(), card.ruleId()), evidence(card), now)) {
          repeats.add(card.ruleId());
        }
      }
    } catch (DataAccessException e) {
      log.warn("Reminder store unavailable, repeats not explained: {}", e.getClass().getName());
      return Set.of();
    }
    return repeats;
  }

  /** Every instance purges; idempotent. Rows past their quiet period suppress nothing and are deleted. */
  @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
  void purgeExpired() {
    if (store == null) {
      return;
    }
    try {
      log.debug("Reminder store: {} rows past their quiet period purged", store.purge(clock.instant()));
    } catch (DataAccessException e) {
      log.warn("Reminder store purge failed, next run retries: {}", e.getClass().getName());
    }
  }

  private boolean show(Reminder reminder, CardRule rule, Card card, Instant now) {
    try {
      return store.show(reminder, evidence(card), now, rule.repeat().quietPeriod());
    } catch (DataAccessException e) {
      failures.increment();
      log.warn("Reminder store unavailable, reminder {} shown: {}", reminder.ruleId(), e.getClass().getName());
      return true;
    }
  }

  private void forget(String patientHash, String serviceId, Set<String> ruleIds) {
    if (ruleIds.isEmpty()) {
      return;
    }
    try {
      store.forget(patientHash, serviceId, ruleIds);
    } catch (DataAccessException e) {
      failures.increment();
      log.warn("Reminder store unavailable, stopped reminders not forgotten: {}", e.getClass().getName());
    }
  }

  /** What the clinician reads, hashed with the patient-hash key: detail text can quote the record. */
  private String evidence(Card card) {
    return hasher.hash(card.summary() + '\u0000' + (card.detail() == null ? "" : card.detail()));
  }

  private void suppressed(String serviceId, String ruleId) {
    Counter.builder("cds.cards.reminders.suppressed")
        .description("Reminder cards not returned because they were shown before without new information")
        .tag("service", serviceId).tag("rule", ruleId)
        .register(meters).increment();
  }

  private static Map<String, CardRule> reminderRules(ServiceDefinition service) {
    var rules = new LinkedHashMap<String, CardRule>();
    service.rules().stream().filter(rule -> rule.repeat() != null).forEach(rule -> rules.put(rule.id(), rule));
    return rules;
  }
}
