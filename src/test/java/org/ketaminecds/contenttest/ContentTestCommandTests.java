package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar ketamine-cds.jar test DIR ...} on a temporary copy of the shipped content: the content is loaded
 * as the service loads it (each run starts the application without a web server), cases run in process, the
 * output names what failed and the exit status says whether everything passed.
 */
class ContentTestCommandTests {

  @TempDir Path content;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void copyTheShippedContent() throws IOException {
    copy(Path.of("cql"), content.resolve("cql"));
    copy(Path.of("cds-hooks"), content.resolve("cds-hooks"));
  }

  @Test
  void passingCasesExitZeroEndWithTheCountAndWriteJUnitXml() throws IOException {
    var junit = content.resolve("reports/content.xml");

    var status = run(content.toString(), "--case", "trd-met", "--case", "ketamine-order-check/trd-met-dose*",
        "--junit", junit.toString());

    assertThat(status).as(output()).isZero();
    assertThat(lines()).contains("ok    depression-chart-review/trd-met.json",
        "ok    ketamine-order-check/trd-met-dose-unknown.json");
    assertThat(lines()).last().isEqualTo("2 passed, 0 failed");
    assertThat(Files.readString(junit)).contains("<testsuite name=\"ketamine-cds content examples\" tests=\"2\" "
            + "failures=\"0\"", "<testcase classname=\"depression-chart-review\" name=\"trd-met\"")
        .doesNotContain("<failure");
  }

  @Test
  void aWrongExpectationFailsItsCaseNamingItAndShowingTheDifference() throws IOException {
    // an expected define value and a card expected from the ketamine rule for an esketamine order: both wrong
    edit("cds-hooks/examples/depression-chart-review/trd-met.json", "\"TRD Status\": \"MET\"",
        "\"TRD Status\": \"NOT_MET\"");
    edit("cds-hooks/examples/ketamine-order-check/psychosis-history.json", "\"rule\": \"esketamine-psychosis\"",
        "\"rule\": \"ketamine-psychosis\"");
    var junit = content.resolve("content.xml");

    var status = run(content.toString(), "--case", "trd-met", "--case", "psychosis-history", "--case", "under-18",
        "--junit", junit.toString());

    assertThat(status).as(output()).isEqualTo(ContentTestCommand.FAILED);
    assertThat(output()).contains(
        "FAIL  depression-chart-review/trd-met.json",
        "define 'TRD Status': expected \"NOT_MET\", actual \"MET\"",
        "FAIL  ketamine-order-check/psychosis-history.json",
        "rule is esketamine-psychosis, not ketamine-psychosis",
        "(rule esketamine-psychosis)",
        "ok    ketamine-order-check/under-18.json");
    assertThat(lines()).last().isEqualTo("1 passed, 2 failed");
    assertThat(Files.readString(junit)).contains("tests=\"3\" failures=\"2\"", "<failure message=\"define 'TRD Status'");
  }

  @Test
  void aServiceGateThatWouldHideACardFailsTheCasesWhereItWould() throws IOException {
    // racemic ketamine only: closed for an esketamine order, whose cards it would hide
    edit("cds-hooks/ketamine-order-check.json", "\"appliesWhen\": \"Ketamine Product Ordered\"",
        "\"appliesWhen\": \"Racemic Ketamine Ordered\"");

    var status = run(content.toString(), "--case", "esketamine-trd-met", "--case", "no-ketamine-order-no-cards",
        "--case", "iv-ketamine-for-depression");

    assertThat(status).as(output()).isEqualTo(ContentTestCommand.FAILED);
    assertThat(output()).contains("FAIL  ketamine-order-check/esketamine-trd-met.json",
        "_config.appliesWhen \"Racemic Ketamine Ordered\" of service ketamine-order-check is false, but without it "
            + "rule(s) [", "esketamine-monitoring", "the gate would hide their cards",
        "ok    ketamine-order-check/no-ketamine-order-no-cards.json",
        "ok    ketamine-order-check/iv-ketamine-for-depression.json");
  }

  @Test
  void aGateThatIsAlsoARuleConditionIsCheckedAsStrictly() throws IOException {
    // the esketamine status card's own condition as the gate: closed for an IV ketamine order, whose cards it hides
    edit("cds-hooks/ketamine-order-check.json", "\"appliesWhen\": \"Ketamine Product Ordered\"",
        "\"appliesWhen\": \"Esketamine FDA Status\"");

    var status = run(content.toString(), "--case", "iv-ketamine-for-depression");

    assertThat(status).as(output()).isEqualTo(ContentTestCommand.FAILED);
    assertThat(output()).contains("FAIL  ketamine-order-check/iv-ketamine-for-depression.json",
        "_config.appliesWhen \"Esketamine FDA Status\"", "ketamine-iv-off-label", "the gate would hide their cards");
  }

  @Test
  void aBrokenCqlFileExitsTwoNamingFileLineAndColumn() throws IOException {
    edit("cql/Monitoring.cql", "define \"SPRAVATO Monitoring Lines\":", "define \"SPRAVATO Monitoring Lines\" oops:");

    var status = run(content.toString(), "--case", "trd-met");

    assertThat(status).as(output()).isEqualTo(ContentTestCommand.CONTENT_INVALID);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("The content is invalid").containsPattern(
        "Monitoring\\.cql:24:\\d+: ");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("passed");
  }

  @Test
  void badArgumentsOrNoCaseToRunExitThreeBeforeLoadingAnything() throws IOException {
    assertThat(run(content.toString(), "--verbose")).isEqualTo(ContentTestCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --verbose", "usage:");

    assertThat(run(content.toString(), "--case", "no-such-case")).isEqualTo(ContentTestCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no example case matches no-such-case");

    assertThat(run(content.resolve("cql").toString())).isEqualTo(ContentTestCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a content root");

    Files.walk(content.resolve("cds-hooks/examples")).sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    assertThat(run(content.toString())).isEqualTo(ContentTestCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no example case in");
  }

  @Test
  void onlyTheTestArgumentSelectsTheCommand() {
    assertThat(ContentTestCommand.requested(new String[] {"test", "content"})).isTrue();
    assertThat(ContentTestCommand.requested(new String[] {})).isFalse();
    assertThat(ContentTestCommand.requested(new String[] {"--server.port=9090"})).isFalse();
  }

  private int run(String... args) {
    return new ContentTestCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false).run(List.of(args));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private void edit(String file, String from, String to) throws IOException {
    var path = content.resolve(file);
    var text = Files.readString(path);
    assertThat(text).contains(from);
    Files.writeString(path, text.replace(from, to));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (var file : files.toList()) {
        var target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
