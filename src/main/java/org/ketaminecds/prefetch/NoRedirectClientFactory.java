package org.ketaminecds.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * HAPI's Apache client factory with redirect handling switched off. Apache HttpClient follows 301/302/303/307/308
 * by default and copies the request's headers, the EHR's bearer token included, to whatever host the
 * {@code Location} names; data fetched there would feed the cards. Without redirect handling a 3xx is an error
 * answer like any other: that prefetch key fails, and the call gets 412 (issue 13, item 1).
 */
final class NoRedirectClientFactory extends ApacheRestfulClientFactory {

  NoRedirectClientFactory(FhirContext context) {
    super(context);
  }

  @Override
  protected HttpClientBuilder getHttpClientBuilder() {
    return super.getHttpClientBuilder().disableRedirectHandling();
  }

  /** Installs the factory on {@code context} unless it is installed already; returns the factory in use. */
  static void installOn(FhirContext context) {
    if (!(context.getRestfulClientFactory() instanceof NoRedirectClientFactory)) {
      context.setRestfulClientFactory(new NoRedirectClientFactory(context));
    }
  }
}
