package org.ketaminecds.invocation;

/**
 * Length bounds on every string of a hook request that the validator reads (issue 13, item 7). A string over its
 * bound is a 400 before it reaches a prefetch template, a fetch worker, a log line or the audit trail; FHIR content
 * inside the prefetch and the draft orders is bounded by the body size limit. The bounds are generous multiples of
 * what the standards allow, so that no real EHR value is refused (docs/deploy/limits-and-hardening.md).
 */
final class RequestLimits {

  /**
   * {@code context.patientId}, {@code encounterId}, {@code userId} and each {@code selections} entry: a FHIR id is at
   * most 64 characters (FHIR R4 datatypes, "id"), a reference {@code Type/id} about 100.
   */
  static final int MAX_ID_LENGTH = 256;

  /** {@code hook}: the longest hook name in CDS Hooks 2.0 is 19 characters ({@code medication-prescribe}). */
  static final int MAX_HOOK_LENGTH = 64;

  /** {@code fhirServer}: a base URL. */
  static final int MAX_URL_LENGTH = 2048;

  /** {@code fhirAuthorization.access_token}: a JWT access token with many scopes stays well below this. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  /** {@code fhirAuthorization.scope}, {@code subject}, {@code patient}, {@code token_type}. */
  static final int MAX_AUTHORIZATION_FIELD_LENGTH = 4096;

  /** {@code context.selections}: entries per request. */
  static final int MAX_SELECTIONS = 100;

  private RequestLimits() {}

  static String tooLong(int limit) {
    return "is longer than " + limit + " characters";
  }
}
