package org.ketaminecds.invocation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code fhirAuthorization} of a hook request (CDS Hooks 2.0 §fhirAuthorization). The access token is
 * transient: used for this request's FHIR calls only, never logged or stored; {@link #toString()} leaves
 * it out.
 */
record FhirAuthorization(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") Long expiresIn,
    @JsonProperty("scope") String scope,
    @JsonProperty("subject") String subject,
    @JsonProperty("patient") String patient) {

  @Override
  public String toString() {
    return "FhirAuthorization[access_token=<redacted>, token_type=" + tokenType + ", expires_in=" + expiresIn
        + ", scope=" + scope + ", subject=" + subject + "]";
  }
}
