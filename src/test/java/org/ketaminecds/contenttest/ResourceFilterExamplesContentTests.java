package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.definition.RelativeDates;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The resource filter ({@code cds.resource-filter.enabled}) changes what the service costs, never what it answers:
 * every example case is posted, with the same request, to this application (filter on, the default) and to a
 * second one with the filter off, and the two responses must be the same apart from the card uuids. Over HTTP, so
 * the filter's step before the JSON is parsed is exercised too. A case with CQL parameters of its own
 * ({@code "parameters"}) cannot send them over HTTP; it is evaluated in process by both applications, with its
 * parameters (then the filter relies only on the constants that do not read them), and the responses and degraded
 * rules must be the same. Reminders that do not repeat are switched off in both:
 * cases share patients and the test database outlives the run, so an answer would otherwise depend on what was
 * posted before (the same setting as the in-process example harness, so the Spring context is shared).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class ResourceFilterExamplesContentTests {

  private static ConfigurableApplicationContext unfiltered;
  private final ObjectMapper mapper = new JacksonConfig().hookObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Autowired HookEvaluation evaluation;

  @BeforeAll
  static void startUnfiltered() {
    // arguments, not default properties: they must win over application.yml
    unfiltered = new SpringApplicationBuilder(KetamineCdsApplication.class)
        .run("--server.port=0", "--cds.security.enabled=false", "--cds.resource-filter.enabled=false",
            "--cds.storage.data-dir=./target/test-data-unfiltered", "--cds.console.enabled=false",
            "--cds.cards.reminders.suppress-repeats=false");
  }

  @AfterAll
  static void stopUnfiltered() {
    if (unfiltered != null) {
      unfiltered.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleCaseGetsTheSameCardsWithAndWithoutTheFilter() {
    Path examples = ServiceExamplesContentTests.examplesDir();
    URI filteredBase = URI.create("http://localhost:" + port);
    URI unfilteredBase = URI.create("http://localhost:"
        + ((WebServerApplicationContext) unfiltered).getWebServer().getPort());
    var files = ExampleFiles.all(examples);
    assertThat(files).as("example cases under %s", examples).isNotEmpty();
    return files.stream().map(file -> dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
      var example = ExampleCase.read(file, mapper);
      var request = (ObjectNode) new RelativeDates(ZonedDateTime.now()).substitute(example.request());
      request.put("hookInstance", UUID.randomUUID().toString());
      if (!example.parameters().isEmpty()) {
        var parameters = example.parameters().typed(evaluation.parameterTypes());
        var withFilter = evaluation.evaluate(example.service(), request, Set.of(), parameters);
        var withoutFilter = unfiltered.getBean(HookEvaluation.class)
            .evaluate(example.service(), request, Set.of(), parameters);
        assertThat(withFilter.degraded()).isEqualTo(withoutFilter.degraded());
        assertThat(withoutUuids(mapper.valueToTree(withFilter.response())))
            .as("%s (parameters %s): response with the filter on vs off", file.getFileName(), parameters.keySet())
            .isEqualTo(withoutUuids(mapper.valueToTree(withoutFilter.response())));
        return;
      }
      var filtered = post(example.service(), request, filteredBase);
      var plain = post(example.service(), request, unfilteredBase);
      assertThat(plain.statusCode()).as("%s without the filter", file.getFileName()).isEqualTo(200);
      assertThat(filtered.statusCode()).isEqualTo(plain.statusCode());
      assertThat(withoutUuids(mapper.readTree(filtered.body())))
          .as("%s: response with the filter on vs off", file.getFileName())
          .isEqualTo(withoutUuids(mapper.readTree(plain.body())));
    }));
  }

  private HttpResponse<String> post(String service, ObjectNode request, URI base) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve("/cds-services/" + service))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The response with every {@code uuid} field removed (they are random per card). */
  static JsonNode withoutUuids(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("uuid");
      object.forEach(ResourceFilterExamplesContentTests::withoutUuids);
    } else if (node instanceof ArrayNode array) {
      array.forEach(ResourceFilterExamplesContentTests::withoutUuids);
    }
    return node;
  }
}
