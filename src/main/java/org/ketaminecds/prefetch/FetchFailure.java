package org.ketaminecds.prefetch;

/**
 * One prefetch key could not be obtained from the FHIR server. The message is a short reason safe
 * for logs and problem bodies: never a URL (it carries patient ids), a response body or the token.
 */
class FetchFailure extends RuntimeException {

  FetchFailure(String reason) {
    super(reason, null, false, false);
  }
}
