package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.definition.RelativeDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cards fit EHR screens: every card that any example case in {@code cds-hooks/examples} renders has a detail within
 * the documented size limit ({@code cds.cards.detail-max-chars}) without being shortened, and a detail's first line
 * states the finding (a bold line, not a list or a blank).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class CardSizeContentTests {

  private static final Path EXAMPLES = Path.of("cds-hooks/examples");

  @LocalServerPort int port;

  @Value("${cds.cards.detail-max-chars:2000}") int detailMaxChars;

  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TestFactory
  Stream<DynamicTest> everyRenderedDetailOfEveryExampleFitsTheLimitUnshortened() throws IOException {
    var tests = new ArrayList<DynamicTest>();
    for (var file : cases()) {
      var service = file.getParent().getFileName().toString();
      tests.add(DynamicTest.dynamicTest(service + "/" + file.getFileName(), () -> {
        for (var card : cards(service, file)) {
          var name = service + "/" + file.getFileName() + " card '" + card.path("summary").asText() + "'";
          var detail = card.path("detail").asText("");
          assertThat(detail.length()).as(name + " detail length").isLessThanOrEqualTo(detailMaxChars);
          assertThat(detail).as(name + " is shortened: shorten its template or cap its lists")
              .doesNotContain(CardFitting.SHORTENED_NOTE.strip());
          if (!detail.isEmpty()) {
            assertThat(detail.lines().findFirst().orElse("")).as(name + " first line states the finding")
                .startsWith("**");
          }
        }
      }));
    }
    assertThat(tests).as("example cases").isNotEmpty();
    return tests.stream();
  }

  private static List<Path> cases() throws IOException {
    try (var files = Files.walk(EXAMPLES, 2)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private List<JsonNode> cards(String service, Path file) throws Exception {
    var request = (ObjectNode) new RelativeDates(ZonedDateTime.now()).substitute(mapper.readTree(file.toFile()).path("request"));
    request.put("hookInstance", UUID.randomUUID().toString());
    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cds-services/" + service))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(file + " HTTP status").isEqualTo(200);
    var cards = new ArrayList<JsonNode>();
    mapper.readTree(response.body()).path("cards").forEach(cards::add);
    return cards;
  }
}
