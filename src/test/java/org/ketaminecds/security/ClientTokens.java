package org.ketaminecds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Test fixture: key pairs of a CDS client and a builder of its JWTs, valid by default. */
final class ClientTokens {

  static final String ISSUER = "https://ehr.example.org";
  static final String PUBLIC_BASE_URL = "https://cds.example.org";
  static final String SERVICE_PATH = "/cds-services/ketamine-order-check";
  static final String SERVICE_URL = PUBLIC_BASE_URL + SERVICE_PATH;

  static final ECKey EC_KEY = ecKey("ec-1");
  static final ECKey EC_KEY_2 = ecKey("ec-2");
  static final RSAKey RSA_KEY = rsaKey("rsa-1");

  private ClientTokens() {
  }

  static JWKSet publicKeys(JWK... keys) {
    return new JWKSet(List.of(keys)).toPublicJWKSet();
  }

  static Builder es384() {
    return new Builder(JWSAlgorithm.ES384, EC_KEY);
  }

  static Builder rs384() {
    return new Builder(JWSAlgorithm.RS384, RSA_KEY);
  }

  static Builder signedWith(JWSAlgorithm algorithm, JWK key) {
    return new Builder(algorithm, key);
  }

  /** {@code alg: none}: an unsecured JWT with otherwise valid claims. */
  static String unsecured() {
    return new PlainJWT(es384().claims.build()).serialize();
  }

  /** The classic key-confusion attack: HS256 with the client's RSA public key bytes as the MAC secret. */
  static String hs256WithPublicKeyBytes() throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA_KEY.getKeyID()).build(),
        es384().claims.build());
    jwt.sign(new MACSigner(RSA_KEY.toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  static final class Builder {
    private final JWSHeader.Builder header;
    private final JWTClaimsSet.Builder claims;
    private final JWK key;

    private Builder(JWSAlgorithm algorithm, JWK key) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      this.key = key;
      this.header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT);
      this.claims = new JWTClaimsSet.Builder()
          .issuer(ISSUER)
          .audience(SERVICE_URL)
          .issueTime(Date.from(now))
          .expirationTime(Date.from(now.plusSeconds(300)))
          .jwtID(UUID.randomUUID().toString());
    }

    Builder issuer(String issuer) {
      claims.issuer(issuer);
      return this;
    }

    Builder audience(String... audience) {
      claims.audience(List.of(audience));
      return this;
    }

    Builder expiresIn(long seconds) {
      claims.expirationTime(Date.from(Instant.now().plusSeconds(seconds)));
      return this;
    }

    Builder issuedIn(long seconds) {
      claims.issueTime(Date.from(Instant.now().plusSeconds(seconds)));
      return this;
    }

    Builder notBeforeIn(long seconds) {
      claims.notBeforeTime(Date.from(Instant.now().plusSeconds(seconds)));
      return this;
    }

    Builder jti(String jti) {
      claims.jwtID(jti);
      return this;
    }

    Builder tenant(String tenant) {
      claims.claim("tenant", tenant);
      return this;
    }

    Builder without(String claim) {
      claims.claim(claim, null);
      return this;
    }

    Builder kid(String kid) {
      header.keyID(kid);
      return this;
    }

    Builder jku(URI jku) {
      header.jwkURL(jku);
      return this;
    }

    String sign() {
      try {
        SignedJWT jwt = new SignedJWT(header.build(), claims.build());
        jwt.sign(signer(key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
      return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    }
  }

  private static ECKey ecKey(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
