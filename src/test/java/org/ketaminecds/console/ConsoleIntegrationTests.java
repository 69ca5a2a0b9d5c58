package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ketaminecds.feedback.FeedbackSink;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The console over real HTTP with JWT verification on: its page and assets, its API, and that its tokens are
 * accepted by the real /cds-services filter exactly once and only for the path they were issued for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=true", "cds.console.enabled=true", "cds.storage.data-dir=./target/console-tests"})
class ConsoleIntegrationTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  /** The real storage behind a spy: feedback must be accepted by it (card issued) and is verified here. */
  @MockitoSpyBean FeedbackSink feedbackSink;

  @Test
  void redirectsTheRootToThePage() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(302);
    assertThat(get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/preview/"));
    assertThat(get("/preview").statusCode()).isEqualTo(302);
  }

  @Test
  void servesThePageWithAContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/preview/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<main", "preview console", "js/main.js");
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(ConsoleHeadersFilter.CONTENT_SECURITY_POLICY);
  }

  /** The page imports marked and DOMPurify by versioned path: a version bump in the pom must update markdown.js. */
  @Test
  void servesTheMarkdownLibrariesTheModuleImportsAsJavaScript() throws Exception {
    String module = get("/preview/js/markdown.js").body();
    Matcher imports = Pattern.compile("from '\\.\\./\\.\\./(webjars/[^']+)'").matcher(module);
    int found = 0;
    while (imports.find()) {
      HttpResponse<String> library = get("/" + imports.group(1));
      assertThat(library.statusCode()).as(imports.group(1)).isEqualTo(200);
      assertThat(library.headers().firstValue("Content-Type")).as(imports.group(1))
          .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
      found++;
    }
    assertThat(found).isEqualTo(2);
  }

  @Test
  void listsTheDemoPatientsAndProducts() throws Exception {
    JsonNode patients = json(get("/preview/api/patients"));
    assertThat(patients.size()).isGreaterThanOrEqualTo(8);
    assertThat(patients.findValuesAsText("id")).contains("demo-trd-met", "demo-adolescent");
    JsonNode catalog = json(get("/preview/api/products"));
    assertThat(catalog.path("orderingHooks").toString()).contains("order-select", "order-sign");
    assertThat(catalog.path("products").findValuesAsText("id")).contains("esketamine-56", "ketamine-iv");
  }

  @Test
  void itsTokenPassesTheRealJwtCheckOnceAndOnlyForItsPath() throws Exception {
    String token = token("/cds-services");
    assertThat(get("/cds-services", token).statusCode()).isEqualTo(200);
    assertThat(get("/cds-services", token).statusCode()).as("replayed jti").isEqualTo(401);
    String forDiscovery = token("/cds-services");
    assertThat(post("/cds-services/ketamine-order-check", "{}", forDiscovery).statusCode()).as("other aud").isEqualTo(401);
  }

  @Test
  void refusesToSignForAnythingButCdsHooksPaths() throws Exception {
    HttpResponse<String> response = post("/preview/api/token", "{\"path\":\"/admin/report\"}", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /** Issue 13, item 9: a page on another site, or a DNS-rebinding name for this machine, gets no trusted token. */
  @Test
  void issuesTokensOnlyToRequestsFromItsOwnHostAndOrigin() throws Exception {
    String body = "{\"path\":\"/cds-services\"}";
    HttpResponse<String> foreignOrigin = send(HttpRequest.newBuilder(uri("/preview/api/token"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Origin", "https://attacker.example.com"), null);
    HttpResponse<String> ownOrigin = send(HttpRequest.newBuilder(uri("/preview/api/token"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
        .header("Origin", "http://localhost:" + port), null);

    assertThat(foreignOrigin.statusCode()).isEqualTo(403);
    assertThat(foreignOrigin.body()).doesNotContain("eyJ");
    assertThat(ownOrigin.statusCode()).isEqualTo(200);
    assertThat(rawPost("rebound.attacker.example.com:" + port, body)).startsWith("HTTP/1.1 403");
    assertThat(rawPost("localhost:" + port, body)).startsWith("HTTP/1.1 200");
  }

  private String rawPost(String host, String body) throws Exception {
    try (var socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /preview/api/token HTTP/1.1\r\nHost: " + host
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
          + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void buildsAHookRequestWithTheDraftOrderAndPrefetch() throws Exception {
    JsonNode request = json(post("/preview/api/requests", """
        {"hook":"order-sign","patientId":"demo-aortic-aneurysm","productId":"esketamine-84",
         "prefetch":{"patient":"Patient/{{context.patientId}}","conditions":"Condition?patient={{context.patientId}}"}}
        """, null));
    assertThat(request.path("hook").asText()).isEqualTo("order-sign");
    assertThat(request.path("context").path("draftOrders").findValuesAsText("status")).contains("draft");
    assertThat(request.path("prefetch").path("patient").path("id").asText()).isEqualTo("demo-aortic-aneurysm");
    assertThat(request.path("prefetch").path("conditions").toString()).contains("\"I71.40\"");
    assertThat(request.has("fhirServer")).isFalse();
  }

  @Test
  void answersProblemsForAnUnknownPatientOrAMissingProduct() throws Exception {
    HttpResponse<String> unknown = post("/preview/api/requests", "{\"hook\":\"patient-view\",\"patientId\":\"nobody\"}", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("status").asInt()).isEqualTo(404);
    HttpResponse<String> noProduct = post("/preview/api/requests", "{\"hook\":\"order-sign\",\"patientId\":\"demo-trd-met\"}", null);
    assertThat(noProduct.statusCode()).isEqualTo(400);
    assertThat(noProduct.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private String token(String path) throws Exception {
    JsonNode answer = json(post("/preview/api/token", "{\"path\":\"" + path + "\"}", null));
    assertThat(answer.path("expiresAt").asText()).isNotBlank();
    return answer.path("token").asText();
  }

  private JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
    return MAPPER.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json"), token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
