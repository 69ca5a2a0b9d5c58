package org.ketaminecds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires and verifies {@code Authorization: Bearer <JWT>} on every /cds-services call (discovery, service,
 * feedback) and stores the verified {@link ClientIdentity} as {@link ClientIdentity#REQUEST_ATTRIBUTE}. Any failure
 * is the same 401; the reason is logged with iss and jti, never the token. CORS preflights pass untouched. With
 * security disabled every request passes as {@link ClientIdentity#anonymous()}.
 */
class CdsClientJwtFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(CdsClientJwtFilter.class);
  private static final String BEARER = "bearer ";

  private final boolean enabled;
  private final ClientJwtVerifier verifier;
  private final String publicBaseUrl;

  CdsClientJwtFilter(boolean enabled, ClientJwtVerifier verifier, URI publicBaseUrl) {
    this.enabled = enabled;
    this.verifier = verifier;
    String base = publicBaseUrl.toString();
    this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (CorsUtils.isPreFlightRequest(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!enabled) {
      request.setAttribute(ClientIdentity.REQUEST_ATTRIBUTE, ClientIdentity.anonymous());
      chain.doFilter(request, response);
      return;
    }
    ClientIdentity client;
    try {
      client = verifier.verify(bearerToken(request), audience(request));
    } catch (RejectedTokenException e) {
      logRejection(request, e);
      ProblemResponses.unauthenticated(response);
      return;
    }
    request.setAttribute(ClientIdentity.REQUEST_ATTRIBUTE, client);
    chain.doFilter(request, response);
  }

  /** The URL the client called as seen from outside: public base URL + path within the application. */
  String audience(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return publicBaseUrl + path;
  }

  private static String bearerToken(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return authorization.substring(BEARER.length()).strip();
  }

  private static void logRejection(HttpServletRequest request, RejectedTokenException e) {
    String message = "CDS client JWT rejected: reason={} iss={} jti={} method={} path={}";
    String path = ClientJwtVerifier.loggable(request.getRequestURI());
    if (e.reason().suspicious()) {
      log.warn(message, e.reason().code(), e.issuer(), e.jti(), request.getMethod(), path);
    } else {
      log.info(message, e.reason().code(), e.issuer(), e.jti(), request.getMethod(), path);
    }
  }
}
