package org.ketaminecds.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.PatientIdHasher;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cards.RepeatPolicy;
import org.ketaminecds.definition.Hook;
import org.ketaminecds.definition.ServiceConfig;
import org.ketaminecds.definition.ServiceDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The suppression step around its store: when it does nothing, and what it does when the store is down. */
class RepeatRemindersTests {

  static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  static final ServiceDefinition SERVICE = new ServiceDefinition("order-check", Hook.ORDER_SIGN, "t", "d", Map.of(),
      null, null, new ServiceConfig(List.of(), null, List.of(
          new CardRule("reminder", "Reminder", null, null, new RepeatPolicy(30)),
          new CardRule("always", "Always", null, null)), List.of()));
  static final RenderedCards BOTH = new RenderedCards(List.of(card("reminder"), card("always")), List.of());

  final MeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void aSiteThatSwitchesItOffGetsEveryCardAndNothingIsStored() {
    var jdbc = mock(JdbcClient.class);
    var reminders = reminders(false, jdbc);

    assertThat(reminders.suppressRepeats(SERVICE, "p1", BOTH, NOW)).isSameAs(BOTH);
    assertThat(reminders.suppressRepeats(SERVICE, "p1", BOTH, NOW)).isSameAs(BOTH);
    verifyNoInteractions(jdbc);
  }

  @Test
  void aServiceWithoutReminderRulesNeverReadsTheStore() {
    var jdbc = mock(JdbcClient.class);
    var service = new ServiceDefinition("plain", Hook.ORDER_SIGN, "t", "d", Map.of(), null, null,
        new ServiceConfig(List.of(), null, List.of(new CardRule("always", "Always", null, null)), List.of()));
    var cards = new RenderedCards(List.of(card("always")), List.of());

    assertThat(reminders(true, jdbc).suppressRepeats(service, "p1", cards, NOW)).isSameAs(cards);
    verifyNoInteractions(jdbc);
  }

  @Test
  void whenTheStoreIsDownTheReminderIsShownAndTheFailureCounted() {
    var unreachable = new DriverManagerDataSource("jdbc:h2:tcp://127.0.0.1:1/none", "sa", "");
    var reminders = reminders(true, JdbcClient.create(unreachable));

    var returned = reminders.suppressRepeats(SERVICE, "p1", BOTH, NOW);

    assertThat(returned.cards()).extracting(Card::ruleId).containsExactly("reminder", "always");
    assertThat(meters.counter("cds.cards.reminders.store.failures").count()).isEqualTo(1);
  }

  private RepeatReminders reminders(boolean suppressRepeats, JdbcClient jdbc) {
    return new RepeatReminders(new ReminderProperties(suppressRepeats), provider(JdbcClient.class, jdbc),
        provider(PatientIdHasher.class, new PatientIdHasher("k".repeat(32).getBytes(StandardCharsets.UTF_8))),
        provider(Clock.class, Clock.systemUTC()), provider(MeterRegistry.class, meters));
  }

  private static <T> ObjectProvider<T> provider(Class<T> type, T bean) {
    var factory = new StaticListableBeanFactory();
    factory.addBean(type.getSimpleName(), bean);
    return factory.getBeanProvider(type);
  }

  private static Card card(String rule) {
    return new Card("uuid-" + rule, "Summary of " + rule, "Detail", Indicator.INFO, null, null, null, null, null, rule);
  }
}
