package org.ketaminecds.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.EhrServer;
import org.ketaminecds.feedback.FallbackFeedbackSink;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with security on, as a site runs it: one EHR registered in configuration with its public
 * keys (EC P-384 and RSA) in a JWKS file ({@code file:} location, as for an air-gapped site) and the WireMock FHIR
 * server as its only allowed {@code fhirServer}. The EHR reaches the service at {@link ClientTokens#PUBLIC_BASE_URL}
 * (behind a proxy), so tokens carry that audience. Classes extending this one share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=true",
    "cds.security.public-base-url=" + ClientTokens.PUBLIC_BASE_URL,
    "cds.fhir.read-timeout=2s",
    "cds.fhir.deadline=3s"})
@Import(FallbackFeedbackSink.class)
abstract class SecuredServiceIntegration {

  static final String ACCESS_TOKEN = "ehr-at-Zr5xW1qN8vK3sLp0Tb7Y";
  static final String DISCOVERY_URL = ClientTokens.PUBLIC_BASE_URL + "/cds-services";

  private static final URI JWKS = writeJwks();

  @LocalServerPort int port;

  CdsHttp http;

  @DynamicPropertySource
  static void trustTheTestEhr(DynamicPropertyRegistry registry) {
    registry.add("cds.security.clients[0].issuer", () -> ClientTokens.ISSUER);
    registry.add("cds.security.clients[0].jwks-uri", JWKS::toString);
    registry.add("cds.security.clients[0].fhir-servers[0]", EhrServer::fhirBase);
  }

  @BeforeEach
  void connectAndResetTheEhr() {
    http = new CdsHttp(port);
    EhrServer.reset();
  }

  /** {@code Authorization: Bearer <a fresh ES384 JWT for the URL>}, as header name and value. */
  static String[] bearer(String audience) {
    return new String[] {"Authorization", "Bearer " + ClientTokens.es384().audience(audience).sign()};
  }

  static String serviceUrl(String serviceId) {
    return DISCOVERY_URL + "/" + serviceId;
  }

  private static URI writeJwks() {
    try {
      Path dir = Files.createTempDirectory("ketamine-cds-jwks");
      dir.toFile().deleteOnExit();
      URI file = SecurityFixture.jwksFile(dir, ClientTokens.publicKeys(ClientTokens.EC_KEY, ClientTokens.RSA_KEY));
      Path.of(file).toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
