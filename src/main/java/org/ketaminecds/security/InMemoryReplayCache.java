package org.ketaminecds.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The replay cache in this instance's memory, bounded per issuer: at most {@code capacityPerIssuer} unexpired
 * entries per {@code iss}; an issuer at its bound gets {@link Outcome#FULL} for new tokens, every other issuer is
 * served as before (one client's long-lived tokens cannot lock the others out).
 */
final class InMemoryReplayCache implements ReplayCache {

  private record Entry(Key key, Instant forgetAt) {
  }

  private record Key(String issuer, String jti) {
  }

  private final int capacityPerIssuer;
  private final Clock clock;
  private final Set<Key> seen = new HashSet<>();
  private final Map<String, Integer> perIssuer = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::forgetAt));

  InMemoryReplayCache(int capacityPerIssuer, Clock clock) {
    if (capacityPerIssuer < 1) {
      throw new IllegalArgumentException("replay cache capacity must be positive");
    }
    this.capacityPerIssuer = capacityPerIssuer;
    this.clock = clock;
  }

  @Override
  public synchronized Outcome markUsed(String issuer, String jti, Instant forgetAt) {
    forgetExpired(clock.instant());
    Key key = new Key(issuer, jti);
    if (seen.contains(key)) {
      return Outcome.REPLAYED;
    }
    if (perIssuer.getOrDefault(issuer, 0) >= capacityPerIssuer) {
      return Outcome.FULL;
    }
    seen.add(key);
    perIssuer.merge(issuer, 1, Integer::sum);
    byExpiry.add(new Entry(key, forgetAt));
    return Outcome.FIRST_USE;
  }

  synchronized int size() {
    forgetExpired(clock.instant());
    return seen.size();
  }

  private void forgetExpired(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.peek().forgetAt().isAfter(now)) {
      Key expired = byExpiry.poll().key();
      seen.remove(expired);
      perIssuer.computeIfPresent(expired.issuer(), (issuer, count) -> count > 1 ? count - 1 : null);
    }
  }
}
