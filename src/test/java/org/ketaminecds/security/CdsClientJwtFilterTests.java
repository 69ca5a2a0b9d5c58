package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.security.ClientTokens.EC_KEY;
import static org.ketaminecds.security.ClientTokens.EC_KEY_2;
import static org.ketaminecds.security.ClientTokens.RSA_KEY;
import static org.ketaminecds.security.SecurityFixture.client;
import static org.ketaminecds.security.SecurityFixture.jwksFile;
import static org.ketaminecds.security.SecurityFixture.security;
import static org.ketaminecds.security.SecurityFixture.serviceRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.Curve;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.security.SecurityFixture.Gate;
import org.ketaminecds.security.SecurityFixture.Result;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

/** Every JWT rule of CDS Hooks "Trusting CDS Clients", through the filter, with the client's keys in a file. */
@ExtendWith(OutputCaptureExtension.class)
class CdsClientJwtFilterTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private URI keys;
  private Gate gate;

  @BeforeEach
  void trustTheEhr() {
    keys = jwksFile(dir, ClientTokens.publicKeys(EC_KEY, RSA_KEY));
    gate = security().with(client(keys)).gate();
  }

  @Test
  void acceptsValidEs384TokenAndStoresTheClientIdentity() {
    String token = ClientTokens.es384().jti("jti-es").sign();

    Result result = gate.callService(token);

    assertThat(result.passed()).isTrue();
    assertThat(result.client()).isEqualTo(new ClientIdentity(ClientTokens.ISSUER, null, "jti-es"));
  }

  @Test
  void acceptsValidRs384Token() {
    Result result = gate.callService(ClientTokens.rs384().sign());

    assertThat(result.passed()).isTrue();
    assertThat(result.client().issuer()).isEqualTo(ClientTokens.ISSUER);
  }

  @Test
  void acceptsAudienceArrayContainingTheCalledUrl() {
    String token = ClientTokens.es384().audience("https://other.example.org", ClientTokens.SERVICE_URL).sign();

    assertThat(gate.callService(token).passed()).isTrue();
  }

  @Test
  void acceptsAudienceOfDiscoveryAndFeedbackUrls() {
    MockHttpServletRequest discovery = new MockHttpServletRequest("GET", "/cds-services");
    discovery.addHeader("Authorization", "Bearer "
        + ClientTokens.es384().audience(ClientTokens.PUBLIC_BASE_URL + "/cds-services").sign());
    MockHttpServletRequest feedback = new MockHttpServletRequest("POST", ClientTokens.SERVICE_PATH + "/feedback");
    feedback.addHeader("Authorization", "Bearer "
        + ClientTokens.es384().audience(ClientTokens.SERVICE_URL + "/feedback").sign());

    assertThat(gate.call(discovery).passed()).isTrue();
    assertThat(gate.call(feedback).passed()).isTrue();
  }

  @Test
  void computesAudienceFromPublicBaseUrlBehindAProxy() {
    Gate proxied = security().publicBaseUrl("https://proxy.example.org/cds/").with(client(keys)).gate();
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app" + ClientTokens.SERVICE_PATH);
    request.setContextPath("/app");
    request.addHeader("Authorization", "Bearer "
        + ClientTokens.es384().audience("https://proxy.example.org/cds" + ClientTokens.SERVICE_PATH).sign());

    assertThat(proxied.call(request).passed()).isTrue();
  }

  @Test
  void acceptsExpiredTokenWithinClockSkew() {
    assertThat(gate.callService(ClientTokens.es384().expiresIn(-30).sign()).passed()).isTrue();
  }

  @Test
  void rejectsMissingAuthorizationHeader(CapturedOutput log) {
    assertUnauthenticated(gate.callService(null), log, "missing-token", null);
  }

  @Test
  void rejectsOtherAuthorizationScheme(CapturedOutput log) {
    MockHttpServletRequest request = serviceRequest(null);
    request.addHeader("Authorization", "Basic dXNlcjpwYXNz");

    assertUnauthenticated(gate.call(request), log, "missing-token", null);
  }

  @Test
  void rejectsMalformedToken(CapturedOutput log) {
    assertUnauthenticated(gate.callService("not-a.jwt"), log, "malformed", "not-a.jwt");
  }

  @Test
  void rejectsAlgNone(CapturedOutput log) {
    String token = ClientTokens.unsecured();

    assertUnauthenticated(gate.callService(token), log, "algorithm-not-allowed", token);
  }

  @Test
  void rejectsHs256SignedWithThePublicKey(CapturedOutput log) throws Exception {
    String token = ClientTokens.hs256WithPublicKeyBytes();

    assertUnauthenticated(gate.callService(token), log, "algorithm-not-allowed", token);
  }

  @Test
  void rejectsRs256UnlessConfigured(CapturedOutput log) {
    String token = ClientTokens.signedWith(JWSAlgorithm.RS256, RSA_KEY).sign();
    Gate allowingRs256 = security().additionalAlgorithms("RS256").with(client(keys)).gate();

    assertUnauthenticated(gate.callService(token), log, "algorithm-not-allowed", token);
    assertThat(allowingRs256.callService(ClientTokens.signedWith(JWSAlgorithm.RS256, RSA_KEY).sign()).passed())
        .isTrue();
  }

  @Test
  void rejectsTokenWithoutKid(CapturedOutput log) {
    String token = ClientTokens.es384().kid(null).sign();

    assertUnauthenticated(gate.callService(token), log, "missing-kid", token);
  }

  @Test
  void rejectsUnknownKid(CapturedOutput log) {
    String token = ClientTokens.signedWith(JWSAlgorithm.ES384, EC_KEY_2).sign();

    assertUnauthenticated(gate.callService(token), log, "unknown-key", token);
  }

  @Test
  void rejectsSignatureByAnotherKeyUnderATrustedKid(CapturedOutput log) throws Exception {
    ECKey impostor = new ECKeyGenerator(Curve.P_384).keyID(EC_KEY.getKeyID()).generate();
    String token = ClientTokens.signedWith(JWSAlgorithm.ES384, impostor).sign();

    assertUnauthenticated(gate.callService(token), log, "bad-signature", token);
  }

  @Test
  void rejectsUntrustedIssuer(CapturedOutput log) {
    String token = ClientTokens.es384().issuer("https://evil.example.org").sign();

    assertUnauthenticated(gate.callService(token), log, "untrusted-issuer", token);
    assertThat(log).contains("iss=https://evil.example.org");
  }

  @Test
  void rejectsAudienceOfAnotherEndpoint(CapturedOutput log) {
    String token = ClientTokens.es384().audience(ClientTokens.PUBLIC_BASE_URL + "/cds-services/other").sign();

    assertUnauthenticated(gate.callService(token), log, "wrong-audience", token);
  }

  /** Issue 13, item 12: an EHR registration (Epic, Oracle Health) may send one audience, e.g. the base URL. */
  @Test
  void acceptsAnAudienceConfiguredForTheClientWhenTheSiteChoosesIt() {
    Gate baseUrlAudience = security()
        .with(SecurityFixture.clientWithAudiences(keys, ClientTokens.PUBLIC_BASE_URL + "/cds-services/")).gate();
    String token = ClientTokens.es384().audience(ClientTokens.PUBLIC_BASE_URL + "/cds-services").sign();

    assertThat(baseUrlAudience.callService(token).passed()).isTrue();
  }

  @Test
  void rejectsTheBaseUrlAsAudienceByDefault(CapturedOutput log) {
    String token = ClientTokens.es384().audience(ClientTokens.PUBLIC_BASE_URL + "/cds-services").sign();

    assertUnauthenticated(gate.callService(token), log, "wrong-audience", token);
  }

  @Test
  void rejectsAnAudienceConfiguredForAnotherUrl(CapturedOutput log) {
    Gate baseUrlAudience = security()
        .with(SecurityFixture.clientWithAudiences(keys, ClientTokens.PUBLIC_BASE_URL + "/cds-services")).gate();
    String token = ClientTokens.es384().audience("https://evil.example.org/cds-services").sign();

    assertUnauthenticated(baseUrlAudience.callService(token), log, "wrong-audience", token);
  }

  @Test
  void rejectsAudienceOfAnotherHost(CapturedOutput log) {
    String token = ClientTokens.es384().audience("https://evil.example.org" + ClientTokens.SERVICE_PATH).sign();

    assertUnauthenticated(gate.callService(token), log, "wrong-audience", token);
  }

  @Test
  void rejectsExpiredToken(CapturedOutput log) {
    String token = ClientTokens.es384().expiresIn(-120).sign();

    assertUnauthenticated(gate.callService(token), log, "expired", token);
  }

  @Test
  void rejectsTokenIssuedInTheFuture(CapturedOutput log) {
    String token = ClientTokens.es384().issuedIn(300).expiresIn(600).sign();

    assertUnauthenticated(gate.callService(token), log, "issued-in-future", token);
  }

  @Test
  void rejectsTokenNotYetValid(CapturedOutput log) {
    String token = ClientTokens.es384().notBeforeIn(300).sign();

    assertUnauthenticated(gate.callService(token), log, "not-yet-valid", token);
  }

  @Test
  void rejectsTokenLivingLongerThanMaxLifetime(CapturedOutput log) {
    String token = ClientTokens.es384().expiresIn(24 * 3600).sign();

    assertUnauthenticated(gate.callService(token), log, "lifetime-too-long", token);
  }

  @Test
  void rejectsTokenWithoutJti(CapturedOutput log) {
    String token = ClientTokens.es384().without("jti").sign();

    assertUnauthenticated(gate.callService(token), log, "missing-claim", token);
  }

  @Test
  void rejectsReplayedJti(CapturedOutput log) {
    String token = ClientTokens.es384().jti("once").sign();
    assertThat(gate.callService(token).passed()).isTrue();

    assertUnauthenticated(gate.callService(token), log, "replayed", token);
    assertThat(log).contains("jti=once");
  }

  @Test
  void rejectsNewTokenReusingAJti(CapturedOutput log) {
    assertThat(gate.callService(ClientTokens.rs384().jti("reused").sign()).passed()).isTrue();
    String second = ClientTokens.es384().jti("reused").sign();

    assertUnauthenticated(gate.callService(second), log, "replayed", second);
  }

  @Test
  void rejectsTokensOnceTheReplayCacheIsFull(CapturedOutput log) {
    Gate small = security().replayCacheSize(1).with(client(keys)).gate();
    assertThat(small.callService(ClientTokens.es384().sign()).passed()).isTrue();
    String token = ClientTokens.es384().sign();

    assertUnauthenticated(small.callService(token), log, "replay-cache-full", token);
  }

  @Test
  void rejectsJkuNotOnTheClientsAllowList(CapturedOutput log) {
    String token = ClientTokens.es384().jku(URI.create("https://evil.example.org/jwks.json")).sign();

    assertUnauthenticated(gate.callService(token), log, "untrusted-jku", token);
  }

  @Test
  void rejectsTenantNotAllowedForTheClient(CapturedOutput log) {
    Gate tenanted = security().with(client(keys, List.of("hospital-a"), List.of(), List.of())).gate();
    String token = ClientTokens.es384().tenant("hospital-b").sign();

    assertUnauthenticated(tenanted.callService(token), log, "tenant-not-allowed", token);
  }

  @Test
  void rejectsMissingTenantWhenTheClientListsTenants(CapturedOutput log) {
    Gate tenanted = security().with(client(keys, List.of("hospital-a"), List.of(), List.of())).gate();
    String token = ClientTokens.es384().sign();

    assertUnauthenticated(tenanted.callService(token), log, "tenant-not-allowed", token);
  }

  @Test
  void acceptsAllowedTenantAndReportsIt() {
    Gate tenanted = security().with(client(keys, List.of("hospital-a"), List.of(), List.of())).gate();

    Result result = tenanted.callService(ClientTokens.es384().tenant("hospital-a").jti("t1").sign());

    assertThat(result.passed()).isTrue();
    assertThat(result.client()).isEqualTo(new ClientIdentity(ClientTokens.ISSUER, "hospital-a", "t1"));
  }

  @Test
  void rejectsEveryCallWhenNoClientIsTrusted(CapturedOutput log) {
    String token = ClientTokens.es384().sign();

    assertUnauthenticated(security().gate().callService(token), log, "untrusted-issuer", token);
  }

  @Test
  void logsNoControlCharactersFromUnverifiedClaims(CapturedOutput log) {
    String token = ClientTokens.es384().issuer("https://evil.example.org\nFAKE LOG LINE").sign();

    gate.callService(token);

    assertThat(log).contains("iss=https://evil.example.org?FAKE LOG LINE").doesNotContain("\nFAKE LOG LINE");
  }

  @Test
  void letsCorsPreflightPassUntouched() {
    MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", ClientTokens.SERVICE_PATH);
    preflight.addHeader("Origin", "https://sandbox.cds-hooks.org");
    preflight.addHeader("Access-Control-Request-Method", "POST");

    Result result = gate.call(preflight);

    assertThat(result.passed()).isTrue();
    assertThat(result.response().getStatus()).isEqualTo(200);
    assertThat(result.client()).isNull();
  }

  @Test
  void passesEveryRequestAsAnonymousWhenDisabled() {
    Gate open = security().disabled().gate();

    Result result = open.callService(null);

    assertThat(result.passed()).isTrue();
    assertThat(result.client()).isEqualTo(ClientIdentity.anonymous());
  }

  private static void assertUnauthenticated(Result result, CapturedOutput log, String reason, String token) {
    assertThat(result.passed()).as("request reached the controller").isFalse();
    assertThat(result.response().getStatus()).isEqualTo(401);
    assertThat(result.response().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(result.response().getContentType()).isEqualTo("application/problem+json");
    JsonNode body = body(result);
    assertThat(body.path("type").asText()).isEqualTo("https://ketamine-cds.org/problems/unauthenticated");
    assertThat(body.path("title").asText()).isEqualTo("Unauthenticated");
    assertThat(body.path("status").asInt()).isEqualTo(401);
    assertThat(body.has("detail")).as("no detail on which check failed").isFalse();
    assertThat(body.size()).isEqualTo(3);
    assertThat(log).contains("CDS client JWT rejected: reason=" + reason + " ");
    if (token != null) {
      assertThat(log).doesNotContain(token);
      String[] parts = token.split("\\.");
      for (String part : parts) {
        if (part.length() > 8) {
          assertThat(log).doesNotContain(part);
        }
      }
    }
  }

  private static JsonNode body(Result result) {
    try {
      return JSON.readTree(result.response().getContentAsByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
