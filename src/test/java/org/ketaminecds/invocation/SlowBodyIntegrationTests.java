package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ketaminecds.ServiceIntegration;
import org.ketaminecds.definition.ContentExamples;

/**
 * Issue 13, item 3 (and the corpus's slow bodies): a client that declares a large body and sends a byte now and then
 * is cut after the body read timeout (2 s in the test context) with 408 problem+json, and other calls are answered
 * while it trickles. Bounded: each test takes a few seconds.
 */
class SlowBodyIntegrationTests extends ServiceIntegration {

  @Test
  void aBodyTricklingInLongerThanTheReadTimeoutIsCutWith408WhileOtherCallsAreAnswered() throws Exception {
    try (var slow = new Trickle(port, "/cds-services/" + ContentExamples.ORDER_CHECK, 15_000_000)) {
      slow.start();

      var other = http.post("/cds-services/" + ContentExamples.CHART_REVIEW,
          ContentExamples.json(ContentExamples.request(ContentExamples.CHART_REVIEW, "trd-met")));
      assertThat(other.status()).isEqualTo(200);

      var answer = slow.response().get(15, TimeUnit.SECONDS);
      assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json")
          .contains("https://ketamine-cds.org/problems/request-timeout");
    }
  }

  @Test
  void aFeedbackBodyTricklingInIsCutToo() throws Exception {
    try (var slow = new Trickle(port, "/cds-services/" + ContentExamples.ORDER_CHECK + "/feedback", 1_000_000)) {
      slow.start();

      assertThat(slow.response().get(15, TimeUnit.SECONDS)).startsWith("HTTP/1.1 408");
    }
  }

  /** A raw HTTP/1.1 POST that declares {@code length} bytes and sends one every 100 ms until the server answers. */
  private static final class Trickle implements AutoCloseable {

    private final Socket socket;
    private final String path;
    private final long length;
    private final CompletableFuture<String> response = new CompletableFuture<>();

    Trickle(int port, String path, long length) throws IOException {
      this.socket = new Socket("localhost", port);
      this.socket.setSoTimeout(20_000);
      this.path = path;
      this.length = length;
    }

    void start() throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
          + length + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      daemon(() -> {
        try {
          InputStream in = socket.getInputStream();
          var answer = new StringBuilder();
          int c;
          // the status line, the headers and a problem body: up to the closing brace
          while ((c = in.read()) >= 0) {
            answer.append((char) c);
            if (c == '}' && answer.indexOf("\r\n\r\n") > 0) {
              break;
            }
          }
          response.complete(answer.toString());
        } catch (IOException e) {
          response.completeExceptionally(e);
        }
      });
      daemon(() -> {
        try {
          while (!response.isDone()) {
            out.write(' ');
            out.flush();
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException e) {
          // the server closed the connection after answering
        }
      });
    }

    private static void daemon(Runnable task) {
      var thread = new Thread(task, "slow-client");
      thread.setDaemon(true);
      thread.start();
    }

    CompletableFuture<String> response() {
      return response;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
