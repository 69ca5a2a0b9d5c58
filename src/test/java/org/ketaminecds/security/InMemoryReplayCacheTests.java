package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.security.ReplayCache.Outcome.FIRST_USE;
import static org.ketaminecds.security.ReplayCache.Outcome.FULL;
import static org.ketaminecds.security.ReplayCache.Outcome.REPLAYED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTests {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final MovableClock clock = new MovableClock(T0);

  @Test
  void acceptsATokenIdOnceUntilItExpires() {
    InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);

    assertThat(cache.markUsed("iss", "a", T0.plusSeconds(300))).isEqualTo(FIRST_USE);
    assertThat(cache.markUsed("iss", "a", T0.plusSeconds(300))).isEqualTo(REPLAYED);
    clock.advance(Duration.ofSeconds(299));
    assertThat(cache.markUsed("iss", "a", T0.plusSeconds(300))).isEqualTo(REPLAYED);
  }

  @Test
  void forgetsTokenIdsOnceTheyCanNoLongerBeAccepted() {
    InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
    cache.markUsed("iss", "a", T0.plusSeconds(300));

    clock.advance(Duration.ofSeconds(300));

    assertThat(cache.size()).isZero();
  }

  @Test
  void keepsTokenIdsOfDifferentIssuersApart() {
    InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
    cache.markUsed("https://ehr-a.example.org", "same", T0.plusSeconds(300));

    assertThat(cache.markUsed("https://ehr-b.example.org", "same", T0.plusSeconds(300))).isEqualTo(FIRST_USE);
  }

  @Test
  void refusesNewTokensWhenFullInsteadOfForgettingLiveOnes() {
    InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
    cache.markUsed("iss", "a", T0.plusSeconds(300));
    cache.markUsed("iss", "b", T0.plusSeconds(600));

    assertThat(cache.markUsed("iss", "c", T0.plusSeconds(300))).isEqualTo(FULL);
    assertThat(cache.markUsed("iss", "a", T0.plusSeconds(300))).isEqualTo(REPLAYED);
  }

  @Test
  void makesRoomAsEntriesExpire() {
    InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
    cache.markUsed("iss", "a", T0.plusSeconds(300));
    cache.markUsed("iss", "b", T0.plusSeconds(600));

    clock.advance(Duration.ofSeconds(301));

    assertThat(cache.markUsed("iss", "c", T0.plusSeconds(900))).isEqualTo(FIRST_USE);
    assertThat(cache.markUsed("iss", "b", T0.plusSeconds(600))).isEqualTo(REPLAYED);
  }

  @Test
  void boundsEntriesPerIssuerSoOneClientCannotLockOthersOut() {
    InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
    cache.markUsed("https://noisy.example.org", "a", T0.plusSeconds(3600));
    cache.markUsed("https://noisy.example.org", "b", T0.plusSeconds(3600));

    assertThat(cache.markUsed("https://noisy.example.org", "c", T0.plusSeconds(3600))).isEqualTo(FULL);
    assertThat(cache.markUsed("https://quiet.example.org", "a", T0.plusSeconds(300))).isEqualTo(FIRST_USE);
    assertThat(cache.markUsed("https://quiet.example.org", "b", T0.plusSeconds(300))).isEqualTo(FIRST_USE);
    assertThat(cache.markUsed("https://quiet.example.org", "c", T0.plusSeconds(300))).isEqualTo(FULL);
  }

  @Test
  void anIssuerRegainsRoomAsItsOwnEntriesExpire() {
    InMemoryReplayCache cache = new InMemoryReplayCache(1, clock);
    cache.markUsed("https://noisy.example.org", "a", T0.plusSeconds(3600));
    cache.markUsed("https://quiet.example.org", "a", T0.plusSeconds(60));

    clock.advance(Duration.ofSeconds(61));

    assertThat(cache.markUsed("https://quiet.example.org", "b", T0.plusSeconds(600))).isEqualTo(FIRST_USE);
    assertThat(cache.markUsed("https://noisy.example.org", "b", T0.plusSeconds(3600))).isEqualTo(FULL);
  }

  @Test
  void rejectsNonPositiveCapacity() {
    assertThatThrownBy(() -> new InMemoryReplayCache(0, clock)).isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
