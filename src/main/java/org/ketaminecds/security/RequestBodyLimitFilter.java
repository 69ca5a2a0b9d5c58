package org.ketaminecds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 for bodies over {@code cds.security.max-body-size} without reading the rest. A declared
 * Content-Length is checked before any byte is read (the container never delivers more than it declares). A body
 * without one (chunked) can be read up to the limit: one byte more throws {@link RequestBodyTooLargeException}, a
 * 413, so nothing downstream can read past the limit. It is not buffered here: the body is read where the body
 * budget and the read timeout apply (invocation's InFlightBodies), not without either in a filter.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

  private final int limitBytes;

  RequestBodyLimitFilter(long limitBytes) {
    if (limitBytes < 1 || limitBytes >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("body limit must be between 1 byte and 2 GB, got " + limitBytes);
    }
    this.limitBytes = (int) limitBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limitBytes) {
      reject(request, response, "declared Content-Length " + declared);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(new LimitedBodyRequest(request, limitBytes), response);
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
    log.info("Request body too large: {} exceeds {} bytes, method={} path={}", what, limitBytes, request.getMethod(),
        ClientJwtVerifier.loggable(request.getRequestURI()));
    ProblemResponses.payloadTooLarge(response, limitBytes);
  }
}
