package org.ketaminecds.security;

import java.net.URI;

/**
 * Decides whether a verified client may make this service call the FHIR server it named in the request.
 * The invocation orchestrator calls it before any outbound request (no SSRF through the service).
 */
public interface FhirServerPolicy {

  /** @throws UntrustedFhirServerException when {@code fhirServer} is not on the client's allow-list (HTTP 403) */
  void check(ClientIdentity client, URI fhirServer);
}
