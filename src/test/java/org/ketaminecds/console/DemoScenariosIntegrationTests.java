package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.feedback.FeedbackSink;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every demo patient still shows what its scenario promises: for its {@code expect} entry in
 * cds-hooks/demo/patients.json, the console's request (built by the console API, signed by the console's key) is sent
 * to the real service and each expected card (indicator + summary text) must come back. Keeps the demo data and the
 * clinical content consistent as either changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=true", "cds.console.enabled=true", "cds.storage.data-dir=./target/console-tests"})
class DemoScenariosIntegrationTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  /** The real storage behind a spy: feedback must be accepted by it (card issued) and is verified here. */
  @MockitoSpyBean FeedbackSink feedbackSink;

  @TestFactory
  Stream<DynamicTest> eachDemoPatientProducesTheCardsOfItsScenario() throws Exception {
    JsonNode index = MAPPER.readTree(Path.of("cds-hooks/demo/patients.json").toFile());
    JsonNode discovery = call("GET", "/cds-services", null);
    return StreamSupport.stream(index.path("patients").spliterator(), false)
        .map(patient -> DynamicTest.dynamicTest(patient.path("id").asText(), () -> check(patient, discovery)));
  }

  private void check(JsonNode patient, JsonNode discovery) throws Exception {
    JsonNode expect = patient.path("expect");
    List<JsonNode> cards = new ArrayList<>();
    for (JsonNode service : discovery.path("services")) {
      if (!service.path("hook").asText().equals(expect.path("hook").asText())) {
        continue;
      }
      String draft = MAPPER.createObjectNode().put("hook", expect.path("hook").asText())
          .put("patientId", patient.path("id").asText()).put("productId", expect.path("product").asText())
          .set("prefetch", service.path("prefetch")).toString();
      JsonNode request = MAPPER.readTree(send(post("/preview/api/requests", draft)).body());
      call("POST", "/cds-services/" + service.path("id").asText(), request.toString()).path("cards").forEach(cards::add);
    }
    for (JsonNode expected : expect.path("cards")) {
      String text = expected.path("summaryContains").asText().toLowerCase(Locale.ROOT);
      assertThat(cards).as("%s: a %s card containing '%s'", patient.path("id").asText(),
              expected.path("indicator").asText(), text)
          .anySatisfy(card -> {
            assertThat(card.path("indicator").asText()).isEqualTo(expected.path("indicator").asText());
            assertThat(card.path("summary").asText().toLowerCase(Locale.ROOT)).contains(text);
          });
    }
  }

  /** A CDS Hooks call with a fresh console token for exactly this path. */
  private JsonNode call(String method, String path, String body) throws Exception {
    String token = MAPPER.readTree(send(post("/preview/api/token", "{\"path\":\"" + path + "\"}")).body())
        .path("token").asText();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    request = body == null ? request.GET()
        : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body());
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
