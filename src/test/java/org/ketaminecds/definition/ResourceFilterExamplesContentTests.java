package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.config.JacksonConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The resource filter ({@code cds.resource-filter.enabled}) changes what the service costs, never what it answers:
 * every example case is posted, with the same request, to this application (filter on, the default) and to a
 * second one with the filter off, and the two responses must be the same apart from the card uuids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.enabled=false")
@EnabledIf("examplesPresent")
class ResourceFilterExamplesContentTests {

  private static ConfigurableApplicationContext unfiltered;

  @LocalServerPort int port;

  static boolean examplesPresent() {
    return ServiceExamplesContentTests.examplesPresent();
  }

  @BeforeAll
  static void startUnfiltered() {
    // arguments, not default properties: they must win over application.yml
    unfiltered = new SpringApplicationBuilder(KetamineCdsApplication.class)
        .run("--server.port=0", "--cds.security.enabled=false", "--cds.resource-filter.enabled=false",
            "--cds.storage.data-dir=./target/test-data-unfiltered", "--cds.console.enabled=false");
  }

  @AfterAll
  static void stopUnfiltered() {
    if (unfiltered != null) {
      unfiltered.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyExampleCaseGetsTheSameCardsWithAndWithoutTheFilter() {
    ObjectMapper mapper = new JacksonConfig().hookObjectMapper();
    var runner = new ServiceExampleRunner(ServiceExamplesContentTests.examplesDir(),
        URI.create("http://localhost:" + port), mapper, Clock.systemDefaultZone());
    URI filteredBase = URI.create("http://localhost:" + port);
    URI unfilteredBase = URI.create("http://localhost:"
        + ((WebServerApplicationContext) unfiltered).getWebServer().getPort());
    return runner.cases().stream().map(file -> dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(),
        () -> {
          var example = runner.read(file);
          var request = runner.request(example);
          var filtered = runner.post(example, request, filteredBase);
          var plain = runner.post(example, request, unfilteredBase);
          assertThat(filtered.statusCode()).isEqualTo(plain.statusCode());
          assertThat(withoutUuids(mapper.readTree(filtered.body())))
              .as("%s: response with the filter on vs off", file.getFileName())
              .isEqualTo(withoutUuids(mapper.readTree(plain.body())));
          assertThat(plain.statusCode()).isEqualTo(200);
        }));
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
