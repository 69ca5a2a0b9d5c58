package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ketaminecds.security.TrustedClients;
import org.mockito.ArgumentCaptor;

class ConsoleTokensTests {

  private static final Instant NOW = Instant.parse("2026-03-31T07:15:42Z");
  private static final String ISSUER = "urn:ketamine-cds:preview-console";

  private final TrustedClients clients = mock(TrustedClients.class);
  private final ConsoleSigningKey key = ConsoleSigningKey.generateAndRegister(ISSUER, clients);
  private final ConsoleTokens tokens = new ConsoleTokens(key, URI.create("https://cds.example.org/"),
      Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void registersOnlyThePublicKeyWithoutFhirServers() {
    ArgumentCaptor<JWKSet> keys = ArgumentCaptor.forClass(JWKSet.class);
    verify(clients).register(org.mockito.ArgumentMatchers.eq(ISSUER), keys.capture(), org.mockito.ArgumentMatchers.eq(List.of()));
    assertThat(keys.getValue().getKeys()).singleElement()
        .satisfies(jwk -> assertThat(jwk.isPrivate()).isFalse())
        .satisfies(jwk -> assertThat(jwk.getKeyID()).isEqualTo(key.keyId()));
  }

  @Test
  void withdrawsTrustWhenClosed() {
    key.close();
    verify(clients).unregister(ISSUER);
  }

  @Test
  void signsEs384WithTheClaimsAnEhrSends() throws Exception {
    SignedJWT jwt = SignedJWT.parse(tokens.issue("/cds-services/ketamine-order-check").token());

    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES384);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
    assertThat(jwt.verify(new ECDSAVerifier((ECKey) key.publicKeys().getKeys().get(0)))).isTrue();
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(ISSUER);
    assertThat(claims.getAudience()).containsExactly("https://cds.example.org/cds-services/ketamine-order-check");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void usesAFreshJtiForEveryCall() throws Exception {
    String first = SignedJWT.parse(tokens.issue("/cds-services").token()).getJWTClaimsSet().getJWTID();
    String second = SignedJWT.parse(tokens.issue("/cds-services").token()).getJWTClaimsSet().getJWTID();
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void signsForTheFeedbackEndpoint() throws Exception {
    var claims = SignedJWT.parse(tokens.issue("/cds-services/svc-1/feedback").token()).getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly("https://cds.example.org/cds-services/svc-1/feedback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin/report", "/cds-services/../admin", "/cds-services/a/b", "https://evil.example/cds-services",
      "/cds-services/", "/cds-services/x/feedback/more", "/cds-services?x=1", ""})
  void refusesToSignForAnyOtherPath(String path) {
    assertThatIllegalArgumentException().isThrownBy(() -> tokens.issue(path));
  }
}
