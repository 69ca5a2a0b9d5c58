package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertThat(example.expect().cards()).singleElement().extracting(CardPattern::indicator).isEqualTo("critical");
    assertThat(example.expect().absent()).isEmpty();
    assertThat(example.expect().degraded()).isEmpty();
    assertThat(example.expect().defines()).isEmpty();
  }

  @Test
  void readsTheRuleOfAPatternTheDegradedRulesAndTheExpectedDefines() throws Exception {
    var file = write("""
        {"request": {}, "expect": {
          "cards": [{"rule": "esketamine-psychosis", "indicator": "warning"}],
          "degraded": ["bp-not-recent"],
          "defines": {"TRD Status": "MET", "Adequate Trial Count": 2, "Has MDD": true}}}""");

    var expect = ExampleCase.read(file, mapper).expect();

    assertThat(expect.cards()).singleElement().extracting(CardPattern::rule).isEqualTo("esketamine-psychosis");
    assertThat(expect.degraded()).containsExactly("bp-not-recent");
    assertThat(expect.defines()).containsOnlyKeys("TRD Status", "Adequate Trial Count", "Has MDD");
    assertThat(expect.defines().get("Adequate Trial Count").intValue()).isEqualTo(2);
  }

  @Test
  void rejectsAMisspeltExpectationKey() throws Exception {
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"cards": [{"summaryContain": ["x"]}]}}"""), mapper))
        .hasMessageStartingWith("expect.cards[0].summaryContain: unknown key");
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"define": {"X": 1}}}"""), mapper))
        .hasMessageStartingWith("expect.define: unknown key");
  }

  @Test
  void rejectsMistypedNewKeys() throws Exception {
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"degraded": "bp-not-recent"}}"""), mapper))
        .hasMessageStartingWith("expect.degraded: must be an array of strings");
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"defines": ["TRD Status"]}}"""), mapper))
        .hasMessageStartingWith("expect.defines: must be an object");
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"cards": [{"rule": 3}]}}"""), mapper))
        .hasMessageStartingWith("expect.cards[0].rule: must be a string");
    assertThatThrownBy(() -> ExampleCase.read(write("""
        {"request": {}, "expect": {"exactly": "yes"}}"""), mapper))
        .hasMessageStartingWith("expect.exactly: must be true or false");
  }

  @Test
  void rejectsACaseWithoutRequestOrExpect() throws Exception {
    assertThatThrownBy(() -> ExampleCase.read(write("{\"expect\": {}}"), mapper)).hasMessageStartingWith("request:");
    assertThatThrownBy(() -> ExampleCase.read(write("{\"request\": {}}"), mapper)).hasMessageStartingWith("expect:");
  }

  private Path write(String json) throws Exception {
    var file = dir.resolve("my-service/case-1.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json);
    return file;
  }
}
