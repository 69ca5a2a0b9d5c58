package org.ketaminecds.security;

import java.time.Instant;

/**
 * Remembers the {@code (iss, jti)} of accepted JWTs until they expire, so a token is accepted once. Bounded per
 * issuer: when one issuer has {@code cds.security.replay-cache-size} unexpired entries, its new tokens are refused
 * (fail closed) rather than forgetting one that could then be replayed, and the other issuers are not affected.
 * Only tokens that passed every other check are recorded, so only trusted clients fill it.
 *
 * <p>{@link InMemoryReplayCache} is one instance's memory; {@link JdbcReplayCache} shares the entries through the
 * configured database, so a token accepted by one replica is refused by every other.
 */
interface ReplayCache {

  enum Outcome { FIRST_USE, REPLAYED, FULL }

  /** Records a token id; {@code forgetAt} is when the token can no longer be accepted anyway (exp + skew). */
  Outcome markUsed(String issuer, String jti, Instant forgetAt);
}
