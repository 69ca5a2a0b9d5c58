package org.ketaminecds.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.ServiceIntegration;

/**
 * Issue 13, item 11: the edges that Spring MVC never sees, or sees as its error page, answer problem+json 4xx:
 * {@code GET /error}, a header over the limit, an encoded slash in the path. Never an HTML page or a 500.
 */
class ErrorEdgesIntegrationTests extends ServiceIntegration {

  @Test
  void getErrorDirectlyIsA404Problem() {
    var reply = http.get("/error", "Accept", "text/html");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith(CdsHttp.PROBLEM_JSON);
    assertThat(reply.json().path("type").asText()).startsWith("https://ketamine-cds.org/problems/");
  }

  @Test
  void anEncodedSlashInThePathIsA4xxProblem() throws IOException {
    var answer = raw("POST /cds-services/ketamine-order-check%2F..%2Ffeedback HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

    assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*").containsIgnoringCase("content-type: application/problem+json")
        .doesNotContain("<html");
  }

  @Test
  void aHeaderOverTheLimitIsA4xxProblem() throws IOException {
    var answer = raw("GET /cds-services HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");

    assertThat(answer).matches("(?s)HTTP/1.1 4\\d\\d .*").containsIgnoringCase("content-type: application/problem+json")
        .doesNotContain("<html");
  }

  private String raw(String request) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
