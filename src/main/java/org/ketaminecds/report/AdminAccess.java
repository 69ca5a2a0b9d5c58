package org.ketaminecds.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Checks the admin bearer secret ({@code cds.admin.token}) in constant time. Without a configured token the
 * admin endpoints answer 404 exactly like a path that does not exist, so a default install exposes nothing.
 */
@Component
public class AdminAccess {

  static final URI UNAUTHENTICATED = URI.create("https://ketamine-cds.org/problems/unauthenticated");
  private static final String SCHEME = "Bearer ";

  private final byte[] expectedDigest;

  AdminAccess(AdminProperties properties) {
    this.expectedDigest = properties.enabled() ? sha256(properties.token()) : null;
  }

  /** Returns normally for the right token; otherwise throws a 404 (disabled) or 401 problem. */
  public void verify(String authorization, String path) throws NoResourceFoundException {
    if (expectedDigest == null) {
      throw new NoResourceFoundException(HttpMethod.GET, path);
    }
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    // digests have a fixed length, so the comparison time does not depend on the presented token
    if (!bearer || !MessageDigest.isEqual(expectedDigest, sha256(authorization.substring(SCHEME.length()).trim()))) {
      throw unauthenticated(bearer);
    }
  }

  private static ErrorResponseException unauthenticated(boolean tokenPresented) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        tokenPresented ? "The admin token is not valid." : "Send the admin token as 'Authorization: Bearer'.");
    problem.setType(UNAUTHENTICATED);
    problem.setTitle("Unauthenticated");
    ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
    exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ketamine-cds-admin\"");
    return exception;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
