package org.ketaminecds.prefetch;

import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.client.methods.HttpRequestBase;

/**
 * The HTTP calls of one hook request's FHIR session, so that they can be cut off once the request is done with
 * them. The deadline interrupts a fetch worker, but a blocked socket read ignores interrupts: an EHR that trickles
 * its answer (each packet within the read timeout) would hold the worker, shared by all requests, long after this
 * request answered 412, and the next requests' fetches would queue behind it. Aborting closes the connection, so
 * the worker is free at once. A call that starts after {@link #abortAll()} is aborted before it is sent.
 */
final class AbortableCalls implements IClientInterceptor {

  private final List<HttpRequestBase> calls = new ArrayList<>();
  private boolean aborted;

  @Override
  public void interceptRequest(IHttpRequest request) {
    if (request instanceof ApacheHttpRequest apache) {
      HttpRequestBase call = apache.getApacheRequest();
      synchronized (this) {
        if (aborted) {
          call.abort();
        } else {
          calls.add(call);
        }
      }
    }
  }

  @Override
  public void interceptResponse(IHttpResponse response) {
    // the body is still to be read: a call stays abortable until the session is closed
  }

  /** Aborts every call still reading (finished calls are unaffected) and every later one. */
  synchronized void abortAll() {
    aborted = true;
    calls.forEach(HttpRequestBase::abort);
    calls.clear();
  }
}
