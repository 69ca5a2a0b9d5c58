package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Precompiled ELM is used only for exactly the CQL it was built from, and then gives the same libraries, parameter
 * types, checks and values as translating; anything else is translated.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrecompiledElmTests {

  private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T10:00:00Z");

  @TempDir Path content;
  @TempDir Path elm;

  @BeforeEach
  void precompileTheTestContent() throws IOException {
    CqlFixtures.copyTestContent(content);
    new ElmPrecompiler(CqlFixtures.FHIR).write(content, elm);
  }

  @Test
  void readsTheElmInsteadOfTranslatingWhenTheCqlIsWhatItWasBuiltFrom(CapturedOutput output) {
    CqlLibraryLoader.Report report = load(Map.of());

    assertThat(report.precompiled()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(output).contains("Loaded 2 CQL libraries from precompiled ELM at " + elm.toUri());
  }

  @Test
  void givesTheSameLibrariesExpressionsVersionsAndParameterTypesAsTranslating() {
    CqlLibraries precompiled = load(Map.of()).libraries();
    CqlLibraries translated = CqlFixtures.load(content.toUri().toString(), Map.of());

    assertThat(precompiled.libraries()).isEqualTo(translated.libraries());
    for (String name : translated.libraries()) {
      assertThat(precompiled.library(name)).get().usingRecursiveComparison()
          .isEqualTo(translated.library(name).orElseThrow());
    }
  }

  @Test
  void evaluatesLikeTheTranslatedContent() {
    var request = new EvaluationRequest("TestRules", "p1",
        List.of(CqlFixtures.patient("p1"),
            CqlFixtures.medicationRequest("m1", "p1", CqlFixtures.SERTRALINE, "2026-01-10"),
            CqlFixtures.medicationRequest("m2", "p1", CqlFixtures.ESCITALOPRAM, "2025-11-01"),
            CqlFixtures.phq9("o1", "p1", 17, "2026-02-01")),
        load(Map.of()).libraries().expressions("TestRules"), Map.of(), NOW);

    EvaluationResult precompiled = new EngineCqlEvaluator(load(Map.of()).libraries(), CqlFixtures.FHIR).evaluate(request);
    EvaluationResult translated = new EngineCqlEvaluator(
        CqlFixtures.load(content.toUri().toString(), Map.of()), CqlFixtures.FHIR).evaluate(request);

    assertThat(EvaluationValues.comparable(precompiled)).isEqualTo(EvaluationValues.comparable(translated));
    assertThat(precompiled.value("Antidepressant Trial Count")).isEqualTo(2);
  }

  @Test
  void convertsSiteParametersToTheTypesTheTranslatorGave() {
    CqlLibraries libraries = load(Map.of("Min Trials", "5", "Lookback", "24 months")).libraries();

    EvaluationResult result = new EngineCqlEvaluator(libraries, CqlFixtures.FHIR).evaluate(new EvaluationRequest(
        "TestRules", "p1", List.of(CqlFixtures.patient("p1")), Set.of("Min Trials Value"), Map.of(), NOW));

    assertThat(result.value("Min Trials Value")).isEqualTo(5);
    assertThatThrownBy(() -> loader(Map.of("Min Trials", "two")).load())
        .hasMessageContaining("cds.cql.parameters.Min Trials: parameter \"Min Trials\" of TestConfig: 'two' is not a System.Integer");
  }

  @Test
  void stillRefusesAValueSetTheVocabularyLacksNamingFileAndLine() throws IOException {
    Files.delete(content.resolve("vocabulary/ValueSet-test-depression.json"));

    assertThatThrownBy(() -> loader(Map.of()).load())
        .isInstanceOf(CqlContentException.class)
        .hasMessageContaining("TestRules.cql:11:1: valueset \"Depression\"")
        .hasMessageContaining("is not in vocabulary/");
    assertThat(loader(Map.of()).read().precompiled()).isTrue();
  }

  @Test
  void translatesCqlThatChangedSinceTheBuild(CapturedOutput output) throws IOException {
    Files.writeString(content.resolve("TestRules.cql"), "\ndefine \"Added\": 42\n", java.nio.file.StandardOpenOption.APPEND);

    CqlLibraryLoader.Report report = load(Map.of());

    assertThat(report.precompiled()).isFalse();
    assertThat(report.libraries().expressions("TestRules")).contains("Added");
    assertThat(output).contains("Translated 2 CQL libraries")
        .contains("(precompiled ELM: the CQL differs from the CQL it was built from)");
  }

  @Test
  void translatesCqlThatBreaksSinceTheBuildAndReportsItsErrors() throws IOException {
    Files.writeString(content.resolve("TestConfig.cql"), "\ndefine \"Broken\": 1 + 'a'\n",
        java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(() -> loader(Map.of()).load())
        .hasMessageContaining("TestConfig.cql:19:18: Could not resolve call to operator Add");
  }

  @Test
  void translatesWhenAnElmFileDiffersFromItsManifestAndSaysSo(CapturedOutput output) throws IOException {
    Path rules = elm.resolve("TestRules-1.0.0.json");
    Files.writeString(rules, Files.readString(rules).replace("\"Has Depression\"", "\"Has Depresion\""));

    CqlLibraryLoader.Report report = load(Map.of());

    assertThat(report.precompiled()).isFalse();
    assertThat(report.libraries().expressions("TestRules")).contains("Has Depression").doesNotContain("Has Depresion");
    assertThat(output).contains("WARN").contains("Precompiled ELM not used, translating the CQL instead")
        .contains("TestRules-1.0.0.json differs from its checksum");
  }

  @Test
  void translatesWhenAnElmFileIsMissing() throws IOException {
    Files.delete(elm.resolve("FHIRHelpers-4.0.1.json"));

    assertThat(load(Map.of()).precompiled()).isFalse();
  }

  @Test
  void translatesElmOfAnotherTranslatorOrOtherOptions(CapturedOutput output) throws IOException {
    Path manifest = elm.resolve(PrecompiledElm.MANIFEST);
    String written = Files.readString(manifest);

    Files.writeString(manifest, written.replace("\"4.4.0\"", "\"4.3.0\""));
    assertThat(load(Map.of()).precompiled()).isFalse();
    assertThat(output).contains("(precompiled ELM: built by translator 4.3.0, this is 4.4.0)");

    Files.writeString(manifest, written.replace("signatureLevel=All", "signatureLevel=None"));
    assertThat(load(Map.of()).precompiled()).isFalse();
    assertThat(output).contains("(precompiled ELM: built with other translator options");
  }

  @Test
  void translatesWhenThereIsNoElm(CapturedOutput output) throws IOException {
    Files.delete(elm.resolve(PrecompiledElm.MANIFEST));

    assertThat(load(Map.of()).precompiled()).isFalse();
    assertThat(output).contains("(precompiled ELM: none at " + elm.toUri() + ")");
  }

  @Test
  void givesUnionsTheResultsTranslatedElmGives() throws IOException {
    Files.writeString(content.resolve("Unions.cql"), """
        library Unions version '1.0.0'
        define "Lists": { 1, 2 } union { 2, 3 }
        define "Intervals": Interval[1, 3] union Interval[2, 5]
        define "Null Lists": (null as List<Integer>) union (null as List<Integer>)
        define "Null Intervals": (null as Interval<Integer>) union (null as Interval<Integer>)
        """);
    new ElmPrecompiler(CqlFixtures.FHIR).write(content, elm);
    var request = new EvaluationRequest("Unions", null, List.of(),
        Set.of("Lists", "Intervals", "Null Lists", "Null Intervals"), Map.of(), NOW);

    EvaluationResult precompiled = new EngineCqlEvaluator(load(Map.of()).libraries(), CqlFixtures.FHIR).evaluate(request);
    EvaluationResult translated = new EngineCqlEvaluator(
        CqlFixtures.load(content.toUri().toString(), Map.of()), CqlFixtures.FHIR).evaluate(request);

    assertThat(EvaluationValues.comparable(precompiled)).isEqualTo(EvaluationValues.comparable(translated));
    assertThat(precompiled.failures()).isEmpty();
    assertThat(precompiled.value("Null Lists")).isEqualTo(List.of());
    assertThat(precompiled.value("Null Intervals")).isNull();
  }

  private CqlLibraryLoader.Report load(Map<String, String> parameters) {
    return loader(parameters).read();
  }

  private CqlLibraryLoader loader(Map<String, String> parameters) {
    return CqlFixtures.loader(content.toUri().toString(), parameters,
        PrecompiledElm.at(new DefaultResourceLoader(), elm.toUri().toString()));
  }
}
