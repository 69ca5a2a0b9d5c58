package org.ketaminecds.security;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Test fixture: security configuration, the filter built from it, and calls through it. */
final class SecurityFixture {

  /** Generous, so a slow first response of WireMock on a busy machine is not a failed key fetch. */
  static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

  private boolean enabled = true;
  private URI publicBaseUrl = URI.create(ClientTokens.PUBLIC_BASE_URL);
  private int replayCacheSize = 1_000;
  private List<String> additionalAlgorithms = List.of();
  private final List<SecurityProperties.Client> clients = new ArrayList<>();

  static SecurityFixture security() {
    return new SecurityFixture();
  }

  /** Writes {@code keys} as a JWKS file (an air-gapped site's key location) and returns its {@code file:} URI. */
  static URI jwksFile(Path dir, JWKSet keys) {
    try {
      Path file = Files.createTempFile(dir, "jwks", ".json");
      Files.writeString(file, keys.toPublicJWKSet().toString());
      return file.toUri();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SecurityProperties.Client client(URI jwksUri, List<String> tenants, List<String> fhirServers,
      List<URI> jkuAllowList) {
    return new SecurityProperties.Client(ClientTokens.ISSUER, jwksUri, tenants,
        fhirServers.stream().map(URI::create).toList(), jkuAllowList, List.of());
  }

  /** A client whose registration sends one of {@code audiences} instead of the exact URL called. */
  static SecurityProperties.Client clientWithAudiences(URI jwksUri, String... audiences) {
    return new SecurityProperties.Client(ClientTokens.ISSUER, jwksUri, List.of(), List.of(), List.of(),
        java.util.Arrays.stream(audiences).map(URI::create).toList());
  }

  static SecurityProperties.Client client(URI jwksUri) {
    return client(jwksUri, List.of(), List.of(), List.of());
  }

  SecurityFixture disabled() {
    enabled = false;
    return this;
  }

  SecurityFixture publicBaseUrl(String url) {
    publicBaseUrl = URI.create(url);
    return this;
  }

  SecurityFixture replayCacheSize(int size) {
    replayCacheSize = size;
    return this;
  }

  SecurityFixture additionalAlgorithms(String... algorithms) {
    additionalAlgorithms = List.of(algorithms);
    return this;
  }

  SecurityFixture with(SecurityProperties.Client client) {
    clients.add(client);
    return this;
  }

  SecurityProperties properties() {
    return new SecurityProperties(enabled, publicBaseUrl, Duration.ofSeconds(60), Duration.ofHours(1),
        replayCacheSize, additionalAlgorithms, Duration.ofMinutes(5), Duration.ofSeconds(30),
        FETCH_TIMEOUT, DataSize.ofMegabytes(16), clients);
  }

  Gate gate() {
    SecurityProperties properties = properties();
    TrustedClients trusted = new TrustedClients(properties.clients(),
        new JwkSources(properties.jwksCacheTtl(), properties.jwksRefreshMinInterval(), properties.jwksTimeout()));
    ClientJwtVerifier verifier = new ClientJwtVerifier(trusted,
        new InMemoryReplayCache(properties.replayCacheSize(), Clock.systemUTC()), SecurityConfig.algorithms(properties),
        properties.clockSkew(), properties.maxTokenLifetime(), Clock.systemUTC());
    return new Gate(new CdsClientJwtFilter(properties.enabled(), verifier, properties.publicBaseUrl()), trusted);
  }

  /** The JWT filter under test and the trusted clients behind it. */
  record Gate(CdsClientJwtFilter filter, TrustedClients clients) {

    Result call(MockHttpServletRequest request) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();
      try {
        filter.doFilter(request, response, chain);
      } catch (IOException | ServletException e) {
        throw new IllegalStateException(e);
      }
      return new Result(response, chain.getRequest() != null,
          (ClientIdentity) request.getAttribute(ClientIdentity.REQUEST_ATTRIBUTE));
    }

    Result callService(String token) {
      return call(serviceRequest(token));
    }
  }

  /** What came out of the filter: the response, whether the request reached the controller, and as whom. */
  record Result(MockHttpServletResponse response, boolean passed, ClientIdentity client) {
  }

  static MockHttpServletRequest serviceRequest(String token) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", ClientTokens.SERVICE_PATH);
    if (token != null) {
      request.addHeader("Authorization", "Bearer " + token);
    }
    request.setContentType("application/json");
    request.setContent("{\"hook\":\"order-sign\"}".getBytes());
    return request;
  }
}
