package org.ketaminecds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An HTTP client of the running service, as an EHR would call it: real sockets, and a timeout on every request
 * so that a hanging server fails the test instead of hanging the build.
 */
public final class CdsHttp {

  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private final URI base;

  public CdsHttp(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  public Reply get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  public Reply post(String path, String json, String... headers) {
    return send(post(path, BodyPublishers.ofString(json), headers));
  }

  public CompletableFuture<Reply> postAsync(String path, String json, String... headers) {
    return CLIENT.sendAsync(post(path, BodyPublishers.ofString(json), headers), BodyHandlers.ofString())
        .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
  }

  /** A POST; Content-Type is application/json unless {@code headers} name one. */
  public HttpRequest post(String path, BodyPublisher body, String... headers) {
    var builder = request(path, headers);
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      builder.header("Content-Type", "application/json");
    }
    return builder.POST(body).build();
  }

  public Reply send(HttpRequest request) {
    try {
      var response = CLIENT.send(request, BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri().getPath() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path, String... headers) {
    var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** One response: status, headers and body text. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (HTTP " + status + "): " + abbreviated(), e);
      }
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public boolean isProblem() {
      return contentType().startsWith(PROBLEM_JSON);
    }

    /** The problem type slug ({@code prefetch-unavailable}), or "" when the body is not a problem. */
    public String problemType() {
      return isProblem() ? json().path("type").asText().replace("https://ketamine-cds.org/problems/", "") : "";
    }

    public String abbreviated() {
      return body == null || body.length() <= 500 ? String.valueOf(body) : body.substring(0, 500) + "...";
    }

    @Override
    public String toString() {
      return "HTTP " + status + " " + contentType() + " " + abbreviated();
    }
  }
}
