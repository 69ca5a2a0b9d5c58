package org.ketaminecds.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The replay cache shared by every instance on the configured database (table {@code used_token}, migration
 * V3): the primary key is SHA-256 of {@code iss} and {@code jti}, so the first instance to insert a token id wins
 * and every other one gets a duplicate key: {@link Outcome#REPLAYED}, atomically, on H2 and PostgreSQL alike.
 *
 * <p>This instance's own accepted tokens are also kept in an {@link InMemoryReplayCache}: it answers a replay to
 * the same instance without a database round trip and bounds, per issuer, what this instance adds to the table
 * (the table holds at most instances x issuers x {@code replay-cache-size} unexpired rows). A row whose token has
 * expired may be taken over by a new token with the same id; expired rows are purged every minute.
 *
 * <p>When the database cannot be reached the call is not refused: the in-memory entry still stops replays to
 * this instance, the failure is logged and counted ({@code cds.security.replay.store.failures}); replays to
 * another instance are then possible until the database is back (docs/deploy/replicas-and-scaling.md).
 */
final class JdbcReplayCache implements ReplayCache {

  private static final Logger log = LoggerFactory.getLogger(JdbcReplayCache.class);

  private final JdbcClient jdbc;
  private final InMemoryReplayCache local;
  private final Clock clock;
  private final Counter failures;

  JdbcReplayCache(JdbcClient jdbc, InMemoryReplayCache local, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.local = local;
    this.clock = clock;
    this.failures = Counter.builder("cds.security.replay.store.failures")
        .description("JWT ids that could not be checked against the shared replay store (checked locally only)")
        .register(meters == null ? new SimpleMeterRegistry() : meters);
  }

  @Override
  public Outcome markUsed(String issuer, String jti, Instant forgetAt) {
    Outcome here = local.markUsed(issuer, jti, forgetAt);
    if (here != Outcome.FIRST_USE) {
      return here;
    }
    String key = key(issuer, jti);
    try {
      jdbc.sql("INSERT INTO used_token (token_key, issuer, forget_at) VALUES (?, ?, ?)")
          .params(key, issuer, utc(forgetAt))
          .update();
      return Outcome.FIRST_USE;
    } catch (DuplicateKeyException e) {
      return takeOverExpired(key, forgetAt);
    } catch (DataAccessException e) {
      failures.increment();
      log.warn("Replay store unavailable, JWT id checked by this instance only: {}", e.getClass().getName());
      return Outcome.FIRST_USE;
    }
  }

  /** The id is known: a replay, unless its row belongs to an expired token not yet purged (then it is reused). */
  private Outcome takeOverExpired(String key, Instant forgetAt) {
    try {
      int takenOver = jdbc.sql("UPDATE used_token SET forget_at = ? WHERE token_key = ? AND forget_at <= ?")
          .params(utc(forgetAt), key, utc(clock.instant()))
          .update();
      return takenOver == 1 ? Outcome.FIRST_USE : Outcome.REPLAYED;
    } catch (DataAccessException e) {
      failures.increment();
      log.warn("Replay store unavailable, known JWT id refused: {}", e.getClass().getName());
      return Outcome.REPLAYED;
    }
  }

  /** Deletes the rows of tokens that can no longer be accepted; every instance runs it, it is idempotent. */
  @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
  void purgeExpired() {
    try {
      int purged = purge();
      log.debug("Replay store: {} expired JWT ids purged", purged);
    } catch (DataAccessException e) {
      log.warn("Replay store purge failed, next run retries: {}", e.getClass().getName());
    }
  }

  int purge() {
    return jdbc.sql("DELETE FROM used_token WHERE forget_at <= ?").param(utc(clock.instant())).update();
  }

  /** Fixed length whatever the claim's length, and no token id stored in clear. */
  static String key(String issuer, String jti) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(issuer.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      return HexFormat.of().formatHex(sha256.digest(jti.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
