package org.ketaminecds.prefetch;

import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;

/**
 * Adds {@code Authorization: Bearer <fhirAuthorization.access_token>} to a FHIR call only when its URL lies inside
 * the request's {@code fhirServer} ({@link FhirBaseScope}); a call to any other URL is refused before it is sent,
 * whatever built it (a {@code next} link, a reference, a template). HAPI's own bearer interceptor adds the token to
 * every URL the client calls.
 */
final class ScopedBearerToken implements IClientInterceptor {

  private final FhirBaseScope scope;
  private final String token;

  ScopedBearerToken(FhirBaseScope scope, String token) {
    this.scope = scope;
    this.token = token;
  }

  @Override
  public void interceptRequest(IHttpRequest request) {
    if (!scope.contains(request.getUri())) {
      throw new FetchFailure("a call outside fhirServer was refused");
    }
    if (token != null && !token.isBlank()) {
      request.addHeader("Authorization", "Bearer " + token);
    }
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    // nothing to do on the way back
  }

  @Override
  public String toString() {
    return "ScopedBearerToken[token=<redacted>]";
  }
}
