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
 */
record TrustedClient(
    String issuer,
    JWKSource<SecurityContext> keys,
    Map<String, JWKSource<SecurityContext>> jkuKeys,
    Set<String> tenants,
    List<FhirServerPrefix> fhirServers) {

  TrustedClient {
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

  boolean allowsFhirServer(URI fhirServer) {
    return fhirServers.stream().anyMatch(prefix -> prefix.matches(fhirServer));
  }
}
