package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An example case's {@code "parameters"} set CQL parameters for that case's evaluation only, through the engine's
 * one parameter path (they replace the site's value of the same name), in the real application with the shipped
 * content; a name no library declares or a value of the wrong type fails the case naming the file, the line and the
 * parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.enabled=false")
class CaseParametersContentTests {

  private static final Path SHIPPED = Path.of("cds-hooks/examples/depression-chart-review/trd-not-met.json");
  private static final String PARAMETER = "\"parameters\": { \"ChartReviewActionableOnly\": false },";

  @Autowired HookEvaluation evaluation;
  @TempDir Path examples;

  private ExampleRunner runner() {
    return new ExampleRunner(ExampleRunner.Evaluator.of(evaluation), new JacksonConfig().hookObjectMapper(),
        Clock.systemDefaultZone());
  }

  @Test
  void aCaseWhoseParameterChangesTheOutcomePassesWithItAndFailsWithoutIt() throws IOException {
    var text = Files.readString(SHIPPED);
    assertThat(text).contains(PARAMETER);

    var with = runner().run(copy("with", text));
    var without = runner().run(copy("without", text.replace(PARAMETER, "")));

    assertThat(with.failures()).as(with.report()).isEmpty();
    assertThat(without.passed()).isFalse();
    // the site default (true) applies again to the next case: the parameter did not outlive its case
    assertThat(without.failures()).anySatisfy(f -> assertThat(f).contains("chart-trd-not-met"));
    assertThat(without.cards()).isEmpty();
  }

  @Test
  void anUnknownParameterNameFailsTheCaseNamingTheFileLineAndParameter() throws IOException {
    var file = copy("misspelt", Files.readString(SHIPPED)
        .replace(PARAMETER, "\"parameters\": { \"ChartReviewActionableOnyl\": false },"));

    var result = runner().run(file);

    assertThat(result.failures()).singleElement().asString()
        .startsWith("the case file is invalid: " + file + ":3: parameters.ChartReviewActionableOnyl: "
            + "no CQL library declares a parameter of that name")
        .contains("ChartReviewActionableOnly");
  }

  @Test
  void aValueOfTheWrongTypeFailsTheCaseNamingTheFileLineAndParameter() throws IOException {
    var file = copy("quoted", Files.readString(SHIPPED)
        .replace(PARAMETER, "\"parameters\": {\n    \"ChartReviewActionableOnly\": \"false\"\n  },"));

    var result = runner().run(file);

    assertThat(result.failures()).singleElement().asString()
        .isEqualTo("the case file is invalid: " + file + ":4: parameters.ChartReviewActionableOnly: expected true or "
            + "false (the parameter is a System.Boolean), got \"false\"");
  }

  private Path copy(String name, String text) throws IOException {
    var folder = Files.createDirectories(examples.resolve("depression-chart-review"));
    return Files.writeString(folder.resolve(name + ".json"), text);
  }
}
