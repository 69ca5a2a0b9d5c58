package org.ketaminecds.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CDS clients this service trusts: those configured under {@code cds.security.clients}, plus clients registered
 * at run time by in-process components (the preview console) for as long as they are enabled.
 */
public class TrustedClients implements AutoCloseable {

  private final Map<String, TrustedClient> configured;
  private final Map<String, TrustedClient> registered = new ConcurrentHashMap<>();

  TrustedClients(List<SecurityProperties.Client> clients, JwkSources jwkSources) {
    Map<String, TrustedClient> byIssuer = new HashMap<>();
    for (int i = 0; i < clients.size(); i++) {
      byIssuer.put(clients.get(i).issuer(), configuredClient(clients.get(i), "cds.security.clients[" + i + "]", jwkSources));
    }
    this.configured = Map.copyOf(byIssuer);
  }

  /**
   * Trusts JWTs from {@code issuer} signed with one of {@code publicKeys} (no {@code jku}, no tenant check), allowed
   * to name the given FHIR servers. Only public keys are kept. Replaces an earlier registration of the same issuer.
   *
   * @throws IllegalArgumentException when the issuer is configured in {@code cds.security.clients}, a FHIR server
   *                                  URL is invalid, or the set holds no public key
   */
  public void register(String issuer, JWKSet publicKeys, List<URI> fhirServers) {
    Objects.requireNonNull(issuer, "issuer");
    if (configured.containsKey(issuer)) {
      throw new IllegalArgumentException("issuer " + issuer + " is already configured in cds.security.clients");
    }
    JWKSet keys = publicKeys.toPublicJWKSet();
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no public key given for issuer " + issuer);
    }
    List<FhirServerPrefix> servers = fhirServers.stream().map(FhirServerPrefix::of).toList();
    registered.put(issuer, new TrustedClient(issuer, new ImmutableJWKSet<>(keys), Map.of(), Set.of(), servers, Set.of()));
  }

  /** Stops trusting a client added with {@link #register}; configured clients are not affected. */
  public void unregister(String issuer) {
    registered.remove(issuer);
  }

  Optional<TrustedClient> find(String issuer) {
    if (issuer == null) {
      return Optional.empty();
    }
    TrustedClient client = configured.get(issuer);
    return client != null ? Optional.of(client) : Optional.ofNullable(registered.get(issuer));
  }

  boolean isEmpty() {
    return configured.isEmpty() && registered.isEmpty();
  }

  /** Stops the background key refreshers of configured clients (called by Spring at shutdown). */
  @Override
  public void close() {
    configured.values().stream()
        .flatMap(client -> client.jkuKeys().values().stream())
        .distinct()
        .filter(Closeable.class::isInstance)
        .forEach(source -> {
          try {
            ((Closeable) source).close();
          } catch (IOException e) {
            // shutting down: nothing left to do with a key source that fails to close
          }
        });
  }

  private static TrustedClient configuredClient(SecurityProperties.Client client, String key, JwkSources jwkSources) {
    JWKSource<SecurityContext> keys = jwkSources.remote(client.jwksUri(), key + ".jwks-uri");
    Map<String, JWKSource<SecurityContext>> jkuKeys = new HashMap<>();
    jkuKeys.put(client.jwksUri().toString(), keys);
    for (URI jku : client.jkuAllowList()) {
      jkuKeys.putIfAbsent(jku.toString(), jwkSources.remote(jku, key + ".jku-allow-list"));
    }
    return new TrustedClient(client.issuer(), keys, jkuKeys, Set.copyOf(client.tenants()),
        client.fhirServers().stream().map(FhirServerPrefix::of).toList(),
        client.audiences().stream().map(audience -> TrustedClient.withoutTrailingSlash(audience.toString()))
            .collect(java.util.stream.Collectors.toSet()));
  }
}
