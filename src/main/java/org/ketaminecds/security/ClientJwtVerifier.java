package org.ketaminecds.security;

import static org.ketaminecds.security.RejectionReason.*;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies the JWT of a CDS client as CDS Hooks 2.0 "Trusting CDS Clients" and its best-practices page require:
 * algorithm allow-list, kid, trusted iss (and jku), signature, aud = the URL called (or an audience configured for
 * the client), exp/iat/nbf with skew, tenant,
 * and jti not replayed. Returns the verified identity or throws {@link RejectedTokenException}.
 */
final class ClientJwtVerifier {

  static final Set<JWSAlgorithm> REQUIRED_ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
  private static final String TENANT_CLAIM = "tenant";
  private static final int MAX_LOGGED_LENGTH = 120;

  private final TrustedClients clients;
  private final ReplayCache replayCache;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration clockSkew;
  private final Duration maxLifetime;
  private final Clock clock;
  private final DefaultJWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();

  ClientJwtVerifier(TrustedClients clients, ReplayCache replayCache, Set<JWSAlgorithm> algorithms,
      Duration clockSkew, Duration maxLifetime, Clock clock) {
    this.clients = clients;
    this.replayCache = replayCache;
    this.algorithms = Set.copyOf(algorithms);
    this.clockSkew = clockSkew;
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  /** @param audience the absolute URL of the endpoint being called (public base URL + path) */
  ClientIdentity verify(String token, String audience) {
    if (token == null || token.isBlank()) {
      throw new RejectedTokenException(MISSING_TOKEN, null, null);
    }
    SignedJWT jwt = signedJwt(token);
    JWTClaimsSet claims = claims(jwt);
    String iss = claims.getIssuer();
    String jti = claims.getJWTID();
    String loggedIss = loggable(iss);
    String loggedJti = loggable(jti);
    JWSHeader header = jwt.getHeader();
    if (!algorithms.contains(header.getAlgorithm())) {
      throw new RejectedTokenException(ALGORITHM_NOT_ALLOWED, loggedIss, loggedJti);
    }
    if (header.getKeyID() == null || header.getKeyID().isBlank()) {
      throw new RejectedTokenException(MISSING_KID, loggedIss, loggedJti);
    }
    TrustedClient client = clients.find(iss)
        .orElseThrow(() -> new RejectedTokenException(UNTRUSTED_ISSUER, loggedIss, loggedJti));
    JWKSource<SecurityContext> keys = client.keysFor(header.getJWKURL())
        .orElseThrow(() -> new RejectedTokenException(UNTRUSTED_JKU, loggedIss, loggedJti));
    RejectionReason signatureProblem = signatureProblem(jwt, keys);
    if (signatureProblem != null) {
      throw new RejectedTokenException(signatureProblem, loggedIss, loggedJti);
    }
    Instant now = clock.instant();
    RejectionReason claimProblem = claimProblem(claims, audience, now, client);
    if (claimProblem != null) {
      throw new RejectedTokenException(claimProblem, loggedIss, loggedJti);
    }
    Instant forgetAt = claims.getExpirationTime().toInstant().plus(clockSkew);
    switch (replayCache.markUsed(iss, jti, forgetAt)) {
      case REPLAYED -> throw new RejectedTokenException(REPLAYED, loggedIss, loggedJti);
      case FULL -> throw new RejectedTokenException(REPLAY_CACHE_FULL, loggedIss, loggedJti);
      case FIRST_USE -> { }
    }
    return new ClientIdentity(iss, stringClaim(claims, TENANT_CLAIM), jti);
  }

  private static SignedJWT signedJwt(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token.strip());
    } catch (ParseException | RuntimeException e) {
      throw new RejectedTokenException(MALFORMED, null, null);
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    // alg "none" parses as a PlainJWT; an encrypted JWT is not what CDS Hooks clients send
    throw new RejectedTokenException(jwt instanceof PlainJWT ? ALGORITHM_NOT_ALLOWED : MALFORMED, null, null);
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      throw new RejectedTokenException(MALFORMED, null, null);
    }
  }

  private RejectionReason signatureProblem(SignedJWT jwt, JWKSource<SecurityContext> keys) {
    JWSHeader header = jwt.getHeader();
    List<Key> candidates;
    try {
      candidates = new JWSVerificationKeySelector<>(header.getAlgorithm(), keys).selectJWSKeys(header, null);
    } catch (KeySourceException e) {
      return KEYS_UNAVAILABLE;
    }
    if (candidates.isEmpty()) {
      return UNKNOWN_KEY;
    }
    for (Key key : candidates) {
      try {
        if (jwt.verify(verifierFactory.createJWSVerifier(header, key))) {
          return null;
        }
      } catch (JOSEException | RuntimeException e) {
        // a key of the wrong type or size for this algorithm: try the next candidate
      }
    }
    return BAD_SIGNATURE;
  }

  private RejectionReason claimProblem(JWTClaimsSet claims, String audience, Instant now, TrustedClient client) {
    Instant exp = instant(claims.getExpirationTime());
    Instant iat = instant(claims.getIssueTime());
    Instant nbf = instant(claims.getNotBeforeTime());
    String jti = claims.getJWTID();
    if (claims.getAudience().isEmpty() || exp == null || iat == null || jti == null || jti.isBlank()) {
      return MISSING_CLAIM;
    }
    // the exact URL called (CDS Hooks 2.0), or an audience configured for this client (issue 13, item 12)
    if (claims.getAudience().stream().noneMatch(aud -> client.acceptsAudience(aud, audience))) {
      return WRONG_AUDIENCE;
    }
    if (!now.isBefore(exp.plus(clockSkew))) {
      return EXPIRED;
    }
    if (exp.isAfter(now.plus(maxLifetime).plus(clockSkew))) {
      return LIFETIME_TOO_LONG;
    }
    if (iat.isAfter(now.plus(clockSkew))) {
      return ISSUED_IN_FUTURE;
    }
    if (nbf != null && nbf.isAfter(now.plus(clockSkew))) {
      return NOT_YET_VALID;
    }
    if (!client.allowsTenant(stringClaim(claims, TENANT_CLAIM))) {
      return TENANT_NOT_ALLOWED;
    }
    return null;
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? s : null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** Unverified claim values are attacker-controlled: printable ASCII only, bounded length (no log injection). */
  static String loggable(String value) {
    if (value == null) {
      return null;
    }
    String printable = value.codePoints()
        .map(c -> c >= 0x20 && c < 0x7f ? c : '?')
        .limit(MAX_LOGGED_LENGTH)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return value.length() > MAX_LOGGED_LENGTH ? printable + "..." : printable;
  }
}
