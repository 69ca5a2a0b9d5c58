package org.ketaminecds.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cds.security.*}: trust of CDS clients (CDS Hooks 2.0 "Trusting CDS Clients") and request limits.
 * Every key is documented in docs/deploy/configuration.md. Invalid values stop start-up naming the key.
 *
 * @param enabled               verify the client JWT on every /cds-services call; false is for local testing only
 * @param publicBaseUrl         URL at which EHRs reach this service root; {@code aud} must equal it + request path
 * @param clockSkew             tolerance for {@code exp}, {@code iat} and {@code nbf}
 * @param maxTokenLifetime      tokens whose {@code exp} lies further in the future are rejected
 * @param replayCacheSize       unexpired {@code jti} values remembered per issuer by each instance (an issuer at
 *                              its bound gets 401 for new tokens, other issuers are not affected); the entries are
 *                              shared with the other instances through the database (security/JdbcReplayCache)
 * @param additionalAlgorithms  algorithms accepted besides ES384 and RS384 (RSA or EC only, never HMAC or none)
 * @param jwksCacheTtl          how long a fetched JWKS is used before it is fetched again
 * @param jwksRefreshMinInterval at most two JWKS fetches per client key location per interval (unknown kid)
 * @param jwksTimeout           connect and read timeout of one JWKS fetch
 * @param maxBodySize           larger request bodies get 413
 * @param clients               the trusted CDS clients (EHRs)
 */
@Validated
@ConfigurationProperties("cds.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
    @DefaultValue("60s") @NotNull Duration clockSkew,
    @DefaultValue("1h") @NotNull Duration maxTokenLifetime,
    @DefaultValue("50000") @Positive int replayCacheSize,
    List<String> additionalAlgorithms,
    @DefaultValue("5m") @NotNull Duration jwksCacheTtl,
    @DefaultValue("30s") @NotNull Duration jwksRefreshMinInterval,
    @DefaultValue("2s") @NotNull Duration jwksTimeout,
    @DefaultValue("16MB") @NotNull DataSize maxBodySize,
    @Valid List<Client> clients) {

  /** Algorithms that may be added with {@code additional-algorithms}. */
  static final Set<String> OPTIONAL_ALGORITHMS = Set.of("RS256", "RS512", "ES256", "ES512", "PS256", "PS384", "PS512");

  private static final DataSize LARGEST_BODY_LIMIT = DataSize.ofMegabytes(1024);

  public SecurityProperties {
    additionalAlgorithms = additionalAlgorithms == null ? List.of() : List.copyOf(additionalAlgorithms);
    clients = clients == null ? List.of() : List.copyOf(clients);
    require(publicBaseUrl == null || isHttpBase(publicBaseUrl),
        "cds.security.public-base-url must be an absolute http(s) URL without query or fragment, got " + publicBaseUrl);
    require(clockSkew == null || !clockSkew.isNegative(), "cds.security.clock-skew must not be negative");
    require(maxTokenLifetime == null || (!maxTokenLifetime.isNegative() && !maxTokenLifetime.isZero()), "cds.security.max-token-lifetime must be positive");
    require(jwksCacheTtl == null || jwksCacheTtl.compareTo(Duration.ofMinutes(1)) >= 0,
        "cds.security.jwks-cache-ttl must be at least 1m");
    require(jwksRefreshMinInterval == null || (!jwksRefreshMinInterval.isNegative() && !jwksRefreshMinInterval.isZero()),
        "cds.security.jwks-refresh-min-interval must be positive");
    require(jwksTimeout == null || (jwksTimeout.toMillis() >= 1 && jwksTimeout.compareTo(Duration.ofSeconds(60)) <= 0),
        "cds.security.jwks-timeout must be between 1ms and 60s");
    require(maxBodySize == null || (maxBodySize.toBytes() > 0 && maxBodySize.compareTo(LARGEST_BODY_LIMIT) <= 0),
        "cds.security.max-body-size must be between 1B and 1GB, got " + maxBodySize);
    for (String algorithm : additionalAlgorithms) {
      require(OPTIONAL_ALGORITHMS.contains(algorithm.toUpperCase(Locale.ROOT)),
          "cds.security.additional-algorithms: " + algorithm + " is not allowed; choose from "
              + OPTIONAL_ALGORITHMS.stream().sorted().toList() + " (ES384 and RS384 are always accepted)");
    }
    Set<String> issuers = new HashSet<>();
    for (int i = 0; i < clients.size(); i++) {
      require(clients.get(i) != null, "cds.security.clients[" + i + "] is empty");
      require(issuers.add(clients.get(i).issuer()),
          "cds.security.clients[" + i + "].issuer " + clients.get(i).issuer() + " is configured twice");
    }
  }

  /**
   * One trusted CDS client (an EHR).
   *
   * @param issuer       the exact {@code iss} of its JWTs
   * @param jwksUri      its public keys: an https URL, or {@code file:} path for air-gapped sites
   *                     (plain http only for localhost)
   * @param tenants      allowed {@code tenant} claims; empty = the claim is not checked
   * @param fhirServers  base URLs it may send as {@code fhirServer}; empty = prefetch-only calls
   * @param jkuAllowList {@code jku} header values honoured for this client (its jwks-uri is always honoured)
   * @param audiences    {@code aud} values accepted besides the exact URL called (CDS Hooks 2.0 default), e.g. this
   *                     service's base URL {@code https://cds.example.org/cds-services} for an EHR registration that
   *                     sends one audience for every service; empty = the exact URL only
   */
  public record Client(
      @NotBlank String issuer,
      @NotNull URI jwksUri,
      List<String> tenants,
      List<URI> fhirServers,
      List<URI> jkuAllowList,
      List<URI> audiences) {

    public Client {
      audiences = audiences == null ? List.of() : List.copyOf(audiences);
      tenants = tenants == null ? List.of() : List.copyOf(tenants);
      fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
      jkuAllowList = jkuAllowList == null ? List.of() : List.copyOf(jkuAllowList);
      String client = "cds.security.clients[issuer=" + issuer + "]";
      require(jwksUri == null || isKeyLocation(jwksUri),
          client + ".jwks-uri must be an https URL or a file: path (http only for localhost), got " + jwksUri);
      for (URI jku : jkuAllowList) {
        require(isKeyLocation(jku) && !"file".equalsIgnoreCase(jku.getScheme()),
            client + ".jku-allow-list entries must be https URLs (http only for localhost), got " + jku);
      }
      for (URI audience : audiences) {
        require(isHttpBase(audience), client + ".audiences entries must be absolute http(s) URLs without query or "
            + "fragment, got " + audience);
      }
      for (URI fhirServer : fhirServers) {
        require(FhirServerPrefix.isValidBase(fhirServer), client + ".fhir-servers entries must be absolute http(s) "
            + "URLs without user info, query, fragment or dot segments, got " + fhirServer);
      }
    }
  }

  static boolean isKeyLocation(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "https" -> uri.getHost() != null;
      case "http" -> uri.getHost() != null && isLoopback(uri.getHost());
      case "file" -> uri.getSchemeSpecificPart() != null && !uri.getSchemeSpecificPart().isBlank();
      default -> false;
    };
  }

  private static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static boolean isHttpBase(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute() && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
        && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
