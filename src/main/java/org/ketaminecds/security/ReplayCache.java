package org.ketaminecds.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Remembers the {@code (iss, jti)} of accepted JWTs until they expire, so a token is accepted once. Bounded: when
 * {@code capacity} unexpired entries are held, new tokens are refused (fail closed) rather than forgetting one that
 * could then be replayed. Only tokens that passed every other check are recorded, so only trusted clients fill it.
 */
final class ReplayCache {

  enum Outcome { FIRST_USE, REPLAYED, FULL }

  private record Entry(String issuer, String jti, Instant forgetAt) {
  }

  private record Key(String issuer, String jti) {
  }

  private final int capacity;
  private final Clock clock;
  private final Set<Key> seen = new HashSet<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::forgetAt));

  ReplayCache(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("replay cache capacity must be positive");
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Records a token id; {@code forgetAt} is when the token can no longer be accepted anyway (exp + skew). */
  synchronized Outcome markUsed(String issuer, String jti, Instant forgetAt) {
    forgetExpired(clock.instant());
    Key key = new Key(issuer, jti);
    if (seen.contains(key)) {
      return Outcome.REPLAYED;
    }
    if (seen.size() >= capacity) {
      return Outcome.FULL;
    }
    seen.add(key);
    byExpiry.add(new Entry(issuer, jti, forgetAt));
    return Outcome.FIRST_USE;
  }

  synchronized int size() {
    forgetExpired(clock.instant());
    return seen.size();
  }

  private void forgetExpired(Instant now) {
    while (!byExpiry.isEmpty() && !byExpiry.peek().forgetAt().isAfter(now)) {
      Entry expired = byExpiry.poll();
      seen.remove(new Key(expired.issuer(), expired.jti()));
    }
  }
}
