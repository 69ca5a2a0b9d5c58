package org.ketaminecds.prefetch;

import java.net.URI;

/**
 * How to reach the EHR's FHIR server for one request. The bearer token is transient: it is never
 * logged and never stored, so {@link #toString()} leaves it out.
 */
public record FhirAccess(URI fhirServer, String bearerToken) {

  public boolean hasToken() {
    return bearerToken != null && !bearerToken.isBlank();
  }

  @Override
  public String toString() {
    return "FhirAccess[fhirServer=" + fhirServer + ", bearerToken=" + (hasToken() ? "<redacted>" : "none") + "]";
  }
}
