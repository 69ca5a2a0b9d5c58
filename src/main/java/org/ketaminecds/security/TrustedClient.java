package org.ketaminecds.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CDS client this service trusts: its issuer, where its public keys come from, and what it may ask for.
 *
 * @param keys    keys used when the JWT has no {@code jku} header
 * @param jkuKeys keys per honoured {@code jku} value (exact string match)
 * @param tenants allowed {@code tenant} claims; empty = not checked
 * @param audiences {@code aud} values accepted besides the exact URL called, without trailing slash
 */
record TrustedClient(
    String issuer,
    JWKSource<SecurityContext> keys,
    Map<String, JWKSource<SecurityContext>> jkuKeys,
    Set<String> tenants,
    List<FhirServerPrefix> fhirServers,
    Set<String> audiences) {

  TrustedClient {
    audiences = Set.copyOf(audiences);
    jkuKeys = Map.copyOf(jkuKeys);
    tenants = Set.copyOf(tenants);
    fhirServers = List.copyOf(fhirServers);
  }

  /** The key source for a JWT, or empty when its {@code jku} is not on this client's allow-list. */
  Optional<JWKSource<SecurityContext>> keysFor(URI jku) {
    return jku == null ? Optional.of(keys) : Optional.ofNullable(jkuKeys.get(jku.toString()));
  }

  boolean allowsTenant(String tenant) {
    return tenants.isEmpty() || (tenant != null && tenants.contains(tenant));
  }

  /** The exact URL called, or one of the audiences configured for this client (one trailing slash ignored). */
  boolean acceptsAudience(String aud, String calledUrl) {
    if (aud == null) {
      return false;
    }
    String given = withoutTrailingSlash(aud);
    return given.equals(withoutTrailingSlash(calledUrl)) || audiences.contains(given);
  }

  static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  boolean allowsFhirServer(URI fhirServer) {
    return fhirServers.stream().anyMatch(prefix -> prefix.matches(fhirServer));
  }
}
