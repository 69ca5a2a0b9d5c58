package org.ketaminecds.security;

/** The request's fhirServer is not allowed for the calling client: HTTP 403, no outbound call made. */
public class UntrustedFhirServerException extends RuntimeException {

  public UntrustedFhirServerException(String issuer) {
    super("fhirServer is not on the allow-list of client " + issuer);
  }
}
