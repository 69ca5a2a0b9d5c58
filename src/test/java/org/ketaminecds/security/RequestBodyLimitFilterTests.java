package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestBodyLimitFilterTests {

  private static final long DEFAULT_LIMIT = DataSize.ofMegabytes(16).toBytes();

  private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(DEFAULT_LIMIT);

  @Test
  void answers413ForADeclaredContentLengthOverTheLimitWithoutReadingTheBody() throws Exception {
    CountingRequest request = new CountingRequest(Long.MAX_VALUE);
    request.declareContentLength(DEFAULT_LIMIT + 1);

    Outcome outcome = send(request);

    assertPayloadTooLarge(outcome);
    assertThat(request.bytesRead).isZero();
  }

  /** The chunked body is not buffered in the filter (issue 13, item 3): reading past the limit downstream is a 413. */
  @Test
  void failsTheReadOfAChunkedBodyOverTheLimitNoMoreThanOneByteBeyondIt() {
    CountingRequest request = new CountingRequest(DEFAULT_LIMIT * 4);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> send(request))
        .isInstanceOf(RequestBodyTooLargeException.class);
    assertThat(request.bytesRead).isLessThanOrEqualTo(DEFAULT_LIMIT + 1);
  }

  @Test
  void doesNotReadAChunkedBodyBeforeTheControllerDoes() throws Exception {
    CountingRequest request = new CountingRequest(1024);
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) {
        assertThat(request.bytesRead).isZero();
        resp.setStatus(204);
      }
    }));

    assertThat(response.getStatus()).isEqualTo(204);
  }

  @Test
  void passesARealisticSeveralMegabyteBodyWithContentLengthUntouched() throws Exception {
    byte[] body = prefetchLikeBody(6 * 1024 * 1024);
    MockHttpServletRequest request = new MockHttpServletRequest("POST", ClientTokens.SERVICE_PATH);
    request.setContent(body);

    Outcome outcome = send(request);

    assertThat(outcome.response().getStatus()).isEqualTo(200);
    assertThat(outcome.bodySeenDownstream()).isEqualTo(body);
  }

  @Test
  void passesASeveralMegabyteChunkedBodyIntact() throws Exception {
    CountingRequest request = new CountingRequest(6L * 1024 * 1024);

    Outcome outcome = send(request);

    assertThat(outcome.response().getStatus()).isEqualTo(200);
    assertThat(outcome.bodySeenDownstream()).hasSize(6 * 1024 * 1024);
    assertThat(outcome.bodySeenDownstream()).containsOnly((byte) 'x');
  }

  @Test
  void passesABodyOfExactlyTheLimit() throws Exception {
    RequestBodyLimitFilter small = new RequestBodyLimitFilter(1024);
    CountingRequest request = new CountingRequest(1024);
    AtomicReference<byte[]> seen = new AtomicReference<>();
    MockHttpServletResponse response = new MockHttpServletResponse();

    small.doFilter(request, response, new MockFilterChain(readingServlet(seen)));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(seen.get()).hasSize(1024);
  }

  private Outcome send(HttpServletRequest request) throws Exception {
    AtomicReference<byte[]> seen = new AtomicReference<>();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain(readingServlet(seen)));
    return new Outcome(response, seen.get());
  }

  private static HttpServlet readingServlet(AtomicReference<byte[]> seen) {
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        seen.set(req.getInputStream().readAllBytes());
        resp.setStatus(200);
      }
    };
  }

  private static void assertPayloadTooLarge(Outcome outcome) throws IOException {
    assertThat(outcome.bodySeenDownstream()).as("request reached the controller").isNull();
    assertThat(outcome.response().getStatus()).isEqualTo(413);
    assertThat(outcome.response().getContentType()).isEqualTo("application/problem+json");
    JsonNode body = new ObjectMapper().readTree(outcome.response().getContentAsByteArray());
    assertThat(body.path("type").asText()).isEqualTo("https://ketamine-cds.org/problems/payload-too-large");
    assertThat(body.path("title").asText()).isEqualTo("Payload Too Large");
    assertThat(body.path("status").asInt()).isEqualTo(413);
  }

  private static byte[] prefetchLikeBody(int size) {
    byte[] body = new byte[size];
    byte[] entry = "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"}},".getBytes();
    for (int i = 0; i < size; i++) {
      body[i] = entry[i % entry.length];
    }
    return body;
  }

  private record Outcome(MockHttpServletResponse response, byte[] bodySeenDownstream) {
  }

  /** A POST whose body is {@code size} bytes of 'x', streamed (no Content-Length unless declared), counting reads. */
  private static final class CountingRequest extends MockHttpServletRequest {
    private final long size;
    private long declaredLength = -1;
    long bytesRead;

    CountingRequest(long size) {
      super("POST", ClientTokens.SERVICE_PATH);
      this.size = size;
    }

    void declareContentLength(long length) {
      declaredLength = length;
    }

    @Override
    public long getContentLengthLong() {
      return declaredLength;
    }

    @Override
    public int getContentLength() {
      return (int) Math.min(declaredLength, Integer.MAX_VALUE);
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() {
          if (bytesRead >= size) {
            return -1;
          }
          bytesRead++;
          return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          if (bytesRead >= size) {
            return -1;
          }
          int n = (int) Math.min(length, size - bytesRead);
          Arrays.fill(buffer, offset, offset + n, (byte) 'x');
          bytesRead += n;
          return n;
        }

        @Override
        public boolean isFinished() {
          return bytesRead >= size;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }
}
