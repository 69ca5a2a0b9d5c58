package org.ketaminecds.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The RFC 9457 bodies the security filters write themselves: they run before the DispatcherServlet, so the
 * exception handler cannot map them. Bodies are constant (no request data), so they are plain strings.
 */
final class ProblemResponses {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String UNAUTHENTICATED_TYPE = "https://ketamine-cds.org/problems/unauthenticated";
  static final String PAYLOAD_TOO_LARGE_TYPE = "https://ketamine-cds.org/problems/payload-too-large";

  private ProblemResponses() {
  }

  /** 401 with {@code WWW-Authenticate: Bearer} and no word on which check failed. */
  static void unauthenticated(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(response, 401, "{\"type\":\"" + UNAUTHENTICATED_TYPE + "\",\"title\":\"Unauthenticated\",\"status\":401}");
  }

  static void payloadTooLarge(HttpServletResponse response, long limitBytes) throws IOException {
    write(response, 413, "{\"type\":\"" + PAYLOAD_TOO_LARGE_TYPE + "\",\"title\":\"Payload Too Large\",\"status\":413,"
        + "\"detail\":\"The request body is larger than " + limitBytes + " bytes.\"}");
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
