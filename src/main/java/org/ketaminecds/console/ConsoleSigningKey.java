package org.ketaminecds.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.List;
import org.ketaminecds.security.TrustedClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's EC P-384 key pair, generated in memory at start-up and never written anywhere. Its public half is
 * registered as a trusted CDS client (no FHIR servers: console calls carry all data in {@code prefetch}) for as long
 * as the console runs; {@link #close()} withdraws that trust.
 */
final class ConsoleSigningKey implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConsoleSigningKey.class);

  private final ECKey key;
  private final String issuer;
  private final TrustedClients clients;
  private final JWSSigner signer;

  private ConsoleSigningKey(ECKey key, String issuer, TrustedClients clients) throws JOSEException {
    this.key = key;
    this.issuer = issuer;
    this.clients = clients;
    this.signer = new ECDSASigner(key);
  }

  /** Generates a fresh key pair and trusts its public key under {@code issuer}. */
  static ConsoleSigningKey generateAndRegister(String issuer, TrustedClients clients) {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_384)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.ES384)
          .keyIDFromThumbprint(true)
          .generate();
      ConsoleSigningKey signingKey = new ConsoleSigningKey(key, issuer, clients);
      clients.register(issuer, new JWKSet(key.toPublicJWK()), List.of());
      log.warn("Preview console enabled at /preview/: CDS client JWTs signed by its in-memory key are trusted "
          + "(iss={}, kid={}). Switch it off in production: cds.console.enabled=false or the 'prod' profile.",
          issuer, key.getKeyID());
      return signingKey;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the preview console's ES384 key", e);
    }
  }

  String keyId() {
    return key.getKeyID();
  }

  String issuer() {
    return issuer;
  }

  JWSSigner signer() {
    return signer;
  }

  JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** Stops trusting the console's key (application shutdown). */
  @Override
  public void close() {
    clients.unregister(issuer);
  }
}
