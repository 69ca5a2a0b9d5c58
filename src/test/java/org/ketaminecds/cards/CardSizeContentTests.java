package org.ketaminecds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.contenttest.ExampleCase;
import org.ketaminecds.definition.RelativeDates;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Cards fit EHR screens: every card that any example case in {@code cds-hooks/examples} renders has a detail within
 * the documented size limit ({@code cds.cards.detail-max-chars}) without being shortened, and a detail's first line
 * states the finding (a bold line, not a list or a blank). Each case goes through the endpoint's evaluation steps
 * ({@link HookEvaluation}; the cards are fitted when rendered) with its own CQL parameters, if it has any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class CardSizeContentTests {

  private static final Path EXAMPLES = Path.of("cds-hooks/examples");

  @Autowired HookEvaluation evaluation;

  @Value("${cds.cards.detail-max-chars:2000}") int detailMaxChars;

  private final ObjectMapper mapper = new JacksonConfig().hookObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyRenderedDetailOfEveryExampleFitsTheLimitUnshortened() throws IOException {
    var tests = new ArrayList<DynamicTest>();
    for (var file : cases()) {
      var service = file.getParent().getFileName().toString();
      tests.add(DynamicTest.dynamicTest(service + "/" + file.getFileName(), () -> {
        for (var card : cards(file)) {
          var name = service + "/" + file.getFileName() + " card '" + card.summary() + "'";
          var detail = card.detail() == null ? "" : card.detail();
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

  private List<Card> cards(Path file) throws IOException {
    var example = ExampleCase.read(file, mapper);
    var request = (ObjectNode) new RelativeDates(ZonedDateTime.now()).substitute(example.request());
    request.put("hookInstance", UUID.randomUUID().toString());
    var parameters = example.parameters().typed(evaluation.parameterTypes());
    return evaluation.evaluate(example.service(), request, Set.of(), parameters).response().cards();
  }
}
