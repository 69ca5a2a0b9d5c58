package org.ketaminecds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.security.ClientTokens.EC_KEY;
import static org.ketaminecds.security.ClientTokens.EC_KEY_2;
import static org.ketaminecds.security.SecurityFixture.client;
import static org.ketaminecds.security.SecurityFixture.security;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.security.SecurityFixture.Gate;

/** The client's keys served over HTTP (WireMock as the EHR's JWKS endpoint): rotation, refresh rate, jku. */
class JwksRotationTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void acceptsRotatedKeyAfterJwksRefresh() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();
    assertThat(gate.callService(ClientTokens.es384().sign()).passed()).isTrue();

    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY, EC_KEY_2));

    assertThat(gate.callService(ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).sign()).passed()).isTrue();
    ehr.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
  }

  @Test
  void rejectsUnknownKidAfterRefreshingOnce() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();

    var result = gate.callService(ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).sign());

    assertThat(result.passed()).isFalse();
    assertThat(result.response().getStatus()).isEqualTo(401);
    ehr.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
  }

  @Test
  void boundsJwksFetchesWhenManyTokensNameUnknownKids() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();

    for (int i = 0; i < 20; i++) {
      var result = gate.callService(ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).kid("unknown-" + i).sign());
      assertThat(result.response().getStatus()).isEqualTo(401);
    }

    assertThat(ehr.findAll(getRequestedFor(urlEqualTo("/jwks.json")))).hasSizeLessThanOrEqualTo(2);
  }

  @Test
  void keepsKnownKeysWorkingWhileUnknownKidRefreshesAreRateLimited() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();
    for (int i = 0; i < 5; i++) {
      gate.callService(ClientTokens.es384().kid("unknown-" + i).sign());
    }

    assertThat(gate.callService(ClientTokens.es384().sign()).passed()).isTrue();
  }

  @Test
  void honoursJkuOnTheClientsAllowList() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    serveKeys("/rotated/jwks.json", ClientTokens.publicKeys(EC_KEY_2));
    URI jku = keysAt("/rotated/jwks.json");
    Gate gate = security().with(client(keysAt("/jwks.json"), List.of(), List.of(), List.of(jku))).gate();

    String token = ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).jku(jku).sign();

    assertThat(gate.callService(token).passed()).isTrue();
    ehr.verify(1, getRequestedFor(urlEqualTo("/rotated/jwks.json")));
  }

  @Test
  void neverFetchesAJkuThatIsNotOnTheAllowList() {
    serveKeys("/jwks.json", ClientTokens.publicKeys(EC_KEY));
    serveKeys("/attacker/jwks.json", ClientTokens.publicKeys(EC_KEY_2));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();

    String token = ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).jku(keysAt("/attacker/jwks.json")).sign();

    assertThat(gate.callService(token).response().getStatus()).isEqualTo(401);
    ehr.verify(0, getRequestedFor(urlEqualTo("/attacker/jwks.json")));
  }

  @Test
  void rejectsTokensWhileTheKeyEndpointHasNeverAnswered() {
    ehr.stubFor(get("/jwks.json").willReturn(aResponse().withStatus(503)));
    Gate gate = security().with(client(keysAt("/jwks.json"))).gate();

    assertThat(gate.callService(ClientTokens.es384().sign()).response().getStatus()).isEqualTo(401);
  }

  private static void serveKeys(String path, JWKSet keys) {
    ehr.stubFor(get(path).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(keys.toPublicJWKSet().toString())));
  }

  private static URI keysAt(String path) {
    return URI.create(ehr.baseUrl() + path);
  }
}
