package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCaseTests {

  final ObjectMapper mapper = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void readsServiceAndNameFromThePath() throws Exception {
    var file = write("""
        {"description": "TRD met", "request": {"hook": "order-sign"},
         "expect": {"cards": [{"indicator": "critical", "summaryContains": ["aneurysm"]}], "exactly": true}}""");

    var example = ExampleCase.read(file, mapper);

    assertThat(example.service()).isEqualTo("my-service");
    assertThat(example.name()).isEqualTo("case-1");
    assertThat(example.description()).isEqualTo("TRD met");
    assertThat(example.expect().exactly()).isTrue();
    assertThat(example.expect().cards()).singleElement().extracting(ExampleCase.CardPattern::indicator)
        .isEqualTo("critical");
    assertThat(example.expect().absent()).isEmpty();
  }

  @Test
  void rejectsAMisspeltExpectationKey() throws Exception {
    var file = write("""
        {"request": {}, "expect": {"cards": [{"summaryContain": ["x"]}]}}""");

    assertThatThrownBy(() -> ExampleCase.read(file, mapper))
        .hasMessageStartingWith("expect.cards[0].summaryContain: unknown key");
  }

  @Test
  void rejectsACaseWithoutRequestOrExpect() throws Exception {
    assertThatThrownBy(() -> ExampleCase.read(write("{\"expect\": {}}"), mapper)).hasMessageStartingWith("request:");
    assertThatThrownBy(() -> ExampleCase.read(write("{\"request\": {}}"), mapper)).hasMessageStartingWith("expect:");
  }

  @Test
  void reportsTheStatusAndBodyOfAFailedCall() throws Exception {
    var example = ExampleCase.read(write("{\"description\": \"d\", \"request\": {}, \"expect\": {}}"), mapper);
    var runner = new ServiceExampleRunner(dir, URI.create("http://localhost:1"), mapper, Clock.systemUTC());

    assertThat(runner.verify(example, 412, "{\"keys\":[\"patient\"]}"))
        .isEqualTo("my-service/case-1 (d): expected HTTP 200, got 412: {\"keys\":[\"patient\"]}");
  }

  @Test
  void listsReturnedCardsAndDegradedRulesWhenACaseFails() throws Exception {
    var example = ExampleCase.read(write("""
        {"description": "d", "request": {}, "expect": {"cards": [{"summaryContains": ["pregnan"]}]}}"""), mapper);
    var runner = new ServiceExampleRunner(dir, URI.create("http://localhost:1"), mapper, Clock.systemUTC());

    var report = runner.verify(example, 200, """
        {"cards": [{"indicator": "info", "summary": "Esketamine is FDA approved"}],
         "extension": {"org.ketaminecds.degraded-rules": [{"rule": "pregnancy", "reason": "define 'X' failed: boom"}]}}""");

    assertThat(report).isEqualTo("""
        my-service/case-1 (d) failed:
          - expected card {summaryContains=[pregnan]} matched no returned card
        returned cards:
          - [info] Esketamine is FDA approved
        degraded rule pregnancy: define 'X' failed: boom""");
  }

  private Path write(String json) throws Exception {
    var file = dir.resolve("my-service/case-1.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }
}
