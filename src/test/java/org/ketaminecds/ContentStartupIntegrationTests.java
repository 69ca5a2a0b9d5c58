package org.ketaminecds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.feedback.FallbackFeedbackSink;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Content errors are start-up errors: the real application, pointed at content folders by
 * {@code cds.content.cql-location} / {@code cds.content.hooks-location} as a site would, refuses to start and says
 * which file and where. (The loaders' unit tests cover every rule; these prove the application does not come up.)
 */
class ContentStartupIntegrationTests {

  @TempDir Path cql;
  @TempDir Path hooks;

  @Test
  void refusesToStartOnACqlFileThatDoesNotTranslate() throws IOException {
    write(cql, "Broken.cql", """
        library Broken version '1.0.0'
        using FHIR version '4.0.1'
        include FHIRHelpers version '4.0.1'
        context Patient
        define "Total": 1 + 'one'
        """);

    var failure = start();

    assertThat(rootMessage(failure)).contains("Broken.cql:5:").contains("Could not resolve call to operator Add");
  }

  @Test
  void refusesToStartWhenTheCqlDeclaresAValueSetTheVocabularyLacks() throws IOException {
    write(cql, "Screening.cql", """
        library Screening version '1.0.0'
        using FHIR version '4.0.1'
        include FHIRHelpers version '4.0.1'
        valueset "Bipolar Disorder": 'http://ketamine-cds.org/fhir/ValueSet/bipolar-disorder-absent'
        context Patient
        define "Has Bipolar": exists [Condition: "Bipolar Disorder"]
        """);
    Files.createDirectories(cql.resolve("vocabulary"));

    var failure = start();

    assertThat(rootMessage(failure)).contains("Screening.cql:4:")
        .contains("http://ketamine-cds.org/fhir/ValueSet/bipolar-disorder-absent")
        .contains("is not in vocabulary/");
  }

  @Test
  void refusesToStartOnAServiceDefinitionWithAnInvalidFieldNamingFileAndField() throws IOException {
    write(cql, "ExampleCheck.cql", testContent("cql/ExampleCheck.cql"));
    write(hooks, "ketamine-test-check.json", testContent("cds-hooks/ketamine-test-check.json")
        .replaceFirst("\"indicator\": \"critical\"", "\"indicator\": \"urgent\""));

    var failure = start();

    assertThat(rootMessage(failure)).contains("ketamine-test-check.json")
        .contains("_config.cards[0].card.indicator");
  }

  @Test
  void startsOnTheSameTestContentWhenItIsValid() throws IOException {
    write(cql, "ExampleCheck.cql", testContent("cql/ExampleCheck.cql"));
    write(hooks, "ketamine-test-check.json", testContent("cds-hooks/ketamine-test-check.json"));

    try (ConfigurableApplicationContext context = run()) {
      assertThat(context.isActive()).isTrue();
    }
  }

  private Throwable start() {
    var failure = catchThrowable(() -> run().close());
    assertThat(failure).as("the application must refuse to start").isNotNull();
    return failure;
  }

  /** As a site starts it: content folders given on the command line (they win over application.yml). */
  private ConfigurableApplicationContext run() {
    return new SpringApplicationBuilder(KetamineCdsApplication.class, FallbackFeedbackSink.class)
        .web(WebApplicationType.NONE)
        .run("--cds.content.cql-location=" + cql.toUri(),
            "--cds.content.hooks-location=" + hooks.toUri(),
            "--cds.security.enabled=false",
            "--spring.main.banner-mode=off");
  }

  private static String rootMessage(Throwable failure) {
    var root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private static String testContent(String path) throws IOException {
    return Files.readString(Path.of("src/test/resources/test-content", path));
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }
}
