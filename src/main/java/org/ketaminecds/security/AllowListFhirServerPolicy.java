package org.ketaminecds.security;

import java.net.URI;
import java.util.Objects;

/**
 * Security enabled: the request's {@code fhirServer} must match one of the verified client's {@code fhir-servers}
 * (see {@link FhirServerPrefix} for the exact rule), otherwise {@link UntrustedFhirServerException} (403). Unknown or
 * anonymous clients are allowed no server.
 */
class AllowListFhirServerPolicy implements FhirServerPolicy {

  private final TrustedClients clients;

  AllowListFhirServerPolicy(TrustedClients clients) {
    this.clients = clients;
  }

  @Override
  public void check(ClientIdentity client, URI fhirServer) {
    Objects.requireNonNull(fhirServer, "fhirServer: call check() only when the request names one");
    String issuer = client == null ? null : client.issuer();
    boolean allowed = clients.find(issuer).map(trusted -> trusted.allowsFhirServer(fhirServer)).orElse(false);
    if (!allowed) {
      throw new UntrustedFhirServerException(ClientJwtVerifier.loggable(issuer));
    }
  }
}
