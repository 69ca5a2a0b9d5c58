package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.StorageIntegrationSupport;
import org.ketaminecds.audit.TestDatabase;
import org.ketaminecds.security.ReplayCache.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The shared replay cache as replicas use it: each {@link JdbcReplayCache} below is one instance (its own memory),
 * all on one database, run once on the H2 default and once on PostgreSQL.
 */
abstract class JdbcReplayCacheContract extends StorageIntegrationSupport {

  private static final String EHR = "https://ehr.example.org";
  private static final Instant IN_FIVE_MINUTES = Instant.now().plusSeconds(300);

  JdbcReplayCacheContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void emptyReplayStore() {
    jdbc().sql("DELETE FROM used_token").update();
  }

  @Test
  void aTokenIdUsedOnOneInstanceIsRefusedOnAnother() {
    ReplayCache first = instance(Clock.systemUTC());
    ReplayCache second = instance(Clock.systemUTC());

    assertThat(first.markUsed(EHR, "jti-1", IN_FIVE_MINUTES)).isEqualTo(Outcome.FIRST_USE);
    assertThat(second.markUsed(EHR, "jti-1", IN_FIVE_MINUTES)).isEqualTo(Outcome.REPLAYED);
    assertThat(first.markUsed(EHR, "jti-1", IN_FIVE_MINUTES)).isEqualTo(Outcome.REPLAYED);
    assertThat(second.markUsed("https://other-ehr.example.org", "jti-1", IN_FIVE_MINUTES))
        .isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void onlyOneOfManyInstancesRacingWithTheSameTokenAcceptsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Outcome>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ReplayCache instance = instance(Clock.systemUTC());
        racers.add(() -> instance.markUsed(EHR, "raced", IN_FIVE_MINUTES));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> outcome : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
        outcomes.add(outcome.get());
      }

      assertThat(outcomes).containsOnlyOnce(Outcome.FIRST_USE).filteredOn(o -> o != Outcome.FIRST_USE)
          .containsOnly(Outcome.REPLAYED);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredRowNotYetPurgedDoesNotBlockANewTokenWithTheSameId() {
    Instant t0 = Instant.now();
    instance(Clock.fixed(t0, ZoneOffset.UTC)).markUsed(EHR, "reused", t0.plusSeconds(60));
    Clock later = Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC);

    assertThat(instance(later).markUsed(EHR, "reused", t0.plusSeconds(400))).isEqualTo(Outcome.FIRST_USE);
    assertThat(instance(later).markUsed(EHR, "reused", t0.plusSeconds(400))).isEqualTo(Outcome.REPLAYED);
  }

  @Test
  void thePurgeDeletesOnlyRowsOfTokensThatCanNoLongerBeAccepted() {
    Instant t0 = Instant.now();
    JdbcReplayCache instance = instance(Clock.fixed(t0, ZoneOffset.UTC));
    instance.markUsed(EHR, "short", t0.plusSeconds(60));
    instance.markUsed(EHR, "long", t0.plusSeconds(3600));

    int purged = instance(Clock.fixed(t0.plusSeconds(61), ZoneOffset.UTC)).purge();

    assertThat(purged).isEqualTo(1);
    assertThat(count("used_token")).isEqualTo(1);
    assertThat(instance(Clock.systemUTC()).markUsed(EHR, "long", t0.plusSeconds(3600)))
        .isEqualTo(Outcome.REPLAYED);
  }

  @Test
  void storesNeitherTheTokenIdInClearNorMoreThanAFixedLengthKey() {
    String longJti = "x".repeat(5_000);

    assertThat(instance(Clock.systemUTC()).markUsed(EHR, longJti, IN_FIVE_MINUTES)).isEqualTo(Outcome.FIRST_USE);
    assertThat(instance(Clock.systemUTC()).markUsed(EHR, longJti, IN_FIVE_MINUTES)).isEqualTo(Outcome.REPLAYED);
    String key = jdbc().sql("SELECT token_key FROM used_token").query(String.class).single();
    assertThat(key).hasSize(64).doesNotContain("xxxx");
  }

  @Test
  void oneIssuerAtItsBoundDoesNotLockOthersOut() {
    JdbcReplayCache instance = new JdbcReplayCache(jdbc(), new InMemoryReplayCache(2, Clock.systemUTC()),
        Clock.systemUTC(), null);
    instance.markUsed("https://noisy.example.org", "a", IN_FIVE_MINUTES);
    instance.markUsed("https://noisy.example.org", "b", IN_FIVE_MINUTES);

    assertThat(instance.markUsed("https://noisy.example.org", "c", IN_FIVE_MINUTES)).isEqualTo(Outcome.FULL);
    assertThat(instance.markUsed(EHR, "a", IN_FIVE_MINUTES)).isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void withTheDatabaseDownThisInstanceStillRefusesItsOwnReplays() {
    DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none");
    JdbcReplayCache instance = new JdbcReplayCache(JdbcClient.create(unreachable),
        new InMemoryReplayCache(100, Clock.systemUTC()), Clock.systemUTC(), null);

    assertThat(instance.markUsed(EHR, "while-down", IN_FIVE_MINUTES)).isEqualTo(Outcome.FIRST_USE);
    assertThat(instance.markUsed(EHR, "while-down", IN_FIVE_MINUTES)).isEqualTo(Outcome.REPLAYED);
  }

  private JdbcReplayCache instance(Clock clock) {
    return new JdbcReplayCache(jdbc(), new InMemoryReplayCache(1_000, clock), clock, null);
  }
}
