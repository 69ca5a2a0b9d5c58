package org.ketaminecds.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The benchmark's CDS client (an "EHR"): an RSA key made for this run only, its public JWKS in a temporary file
 * that the server trusts ({@code cds.security.clients[0]}), and RS384 JWTs as CDS Hooks 2.0 requires (iss, sub,
 * aud = the service URL, exp 5 minutes, iat, a fresh jti each). Tokens are signed before a measured phase, so
 * signing never competes with the server for the CPU while it is measured.
 */
final class BenchClient {

  static final String ISSUER = "https://bench-ehr.ketamine-cds.invalid";

  private final RSAKey key;
  private final RSASSASigner signer;
  private final Path jwks;

  BenchClient(Path folder) {
    try {
      key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS384).generate();
      signer = new RSASSASigner(key);
      jwks = folder.resolve("bench-client-jwks.json");
      Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the bench client's key", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server arguments that trust this client (and let it name {@code fhirServer} as its FHIR server). */
  List<String> serverArguments(String fhirServer) {
    return List.of(
        "--cds.security.enabled=true",
        "--cds.security.clients[0].issuer=" + ISSUER,
        "--cds.security.clients[0].jwks-uri=" + jwks.toUri(),
        "--cds.security.clients[0].fhir-servers[0]=" + fhirServer);
  }

  /** {@code count} distinct tokens for one audience (the absolute service URL), signed on all cores. */
  String[] tokens(String audience, int count) {
    var now = Instant.now();
    return IntStream.range(0, count).parallel().mapToObj(i -> sign(audience, now)).toArray(String[]::new);
  }

  private String sign(String audience, Instant now) {
    var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("bench-ehr-client").audience(audience)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
        .build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
        .build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
