package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.security.ClientTokens.EC_KEY;
import static org.ketaminecds.security.ClientTokens.EC_KEY_2;
import static org.ketaminecds.security.SecurityFixture.client;
import static org.ketaminecds.security.SecurityFixture.jwksFile;
import static org.ketaminecds.security.SecurityFixture.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.security.SecurityFixture.Gate;

/** The programmatic trusted client (preview console): trusted while registered, and only with public keys. */
class TrustedClientsTests {

  private static final String CONSOLE = "urn:ketamine-cds:preview-console";

  @TempDir
  Path dir;

  @Test
  void trustsARegisteredClientUntilItIsUnregistered() {
    Gate gate = security().gate();
    gate.clients().register(CONSOLE, new JWKSet(EC_KEY_2), List.of());

    assertThat(gate.callService(consoleToken()).passed()).isTrue();

    gate.clients().unregister(CONSOLE);
    assertThat(gate.callService(consoleToken()).response().getStatus()).isEqualTo(401);
  }

  @Test
  void keepsOnlyThePublicPartOfRegisteredKeys() {
    Gate gate = security().gate();
    gate.clients().register(CONSOLE, new JWKSet(EC_KEY_2), List.of());

    TrustedClient registered = gate.clients().find(CONSOLE).orElseThrow();

    assertThat(((com.nimbusds.jose.jwk.source.ImmutableJWKSet<?>) registered.keys()).getJWKSet().getKeys())
        .allMatch(key -> !key.isPrivate());
  }

  @Test
  void refusesSymmetricKeys() throws Exception {
    OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
    TrustedClients clients = security().gate().clients();

    assertThatThrownBy(() -> clients.register(CONSOLE, new JWKSet(secret), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no public key");
  }

  @Test
  void refusesToShadowAConfiguredIssuer() {
    Gate gate = security().with(client(jwksFile(dir, ClientTokens.publicKeys(EC_KEY)))).gate();

    assertThatThrownBy(() -> gate.clients().register(ClientTokens.ISSUER, new JWKSet(EC_KEY_2), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already configured");
  }

  @Test
  void refusesInvalidFhirServerUrls() {
    TrustedClients clients = security().gate().clients();

    assertThatThrownBy(() -> clients.register(CONSOLE, new JWKSet(EC_KEY_2),
        List.of(URI.create("http://user@localhost/fhir"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String consoleToken() {
    return ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).issuer(CONSOLE).sign();
  }
}
