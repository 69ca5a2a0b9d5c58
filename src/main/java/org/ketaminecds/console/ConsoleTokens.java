package org.ketaminecds.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Short-lived ES384 JWTs for the console's own calls, exactly as an EHR signs them (CDS Hooks 2.0 "Trusting CDS
 * Clients"): {@code aud} = public base URL + the path about to be called, a fresh {@code jti} per call. Only the
 * CDS Hooks paths can be signed for.
 */
final class ConsoleTokens {

  /** Discovery, a service, or a service's feedback endpoint. */
  static final String SIGNABLE_PATHS = "/cds-services(/[A-Za-z0-9][A-Za-z0-9._-]{0,99}(/feedback)?)?";

  private static final Pattern SIGNABLE_PATH = Pattern.compile(SIGNABLE_PATHS);

  private final ConsoleSigningKey key;
  private final String publicBaseUrl;
  private final Duration lifetime;
  private final Clock clock;

  ConsoleTokens(ConsoleSigningKey key, URI publicBaseUrl, Duration lifetime, Clock clock) {
    this.key = key;
    String base = publicBaseUrl.toString();
    this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** @throws IllegalArgumentException when {@code path} is not a CDS Hooks endpoint path */
  ConsoleToken issue(String path) {
    if (path == null || !SIGNABLE_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException("the console signs only for /cds-services paths");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expires = now.plus(lifetime);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(key.issuer())
        .audience(publicBaseUrl + path)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES384)
        .keyID(key.keyId())
        .type(JOSEObjectType.JWT)
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a console token", e);
    }
    return new ConsoleToken(jwt.serialize(), expires);
  }
}
