package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.cql.CqlFixtures.TEST_CONTENT;
import static org.ketaminecds.cql.CqlFixtures.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CqlLibraryLoaderTests {

  private static final String HEADER = """
      using FHIR version '4.0.1'
      include FHIRHelpers version '4.0.1'
      """;
  private static final String DEPRESSION_URL = "http://ketamine-cds.org/fhir/ValueSet/depression";

  @TempDir Path content;

  @Test
  void loadsEveryLibraryOfTheLocationWithItsDefinesAndVersion() {
    CqlLibraries libraries = load(TEST_CONTENT, Map.of());

    assertThat(libraries.libraries()).containsExactlyInAnyOrder("TestRules", "TestConfig");
    assertThat(libraries.expressions("TestRules")).contains("Has Depression", "Meets Trial Threshold", "Patient");
    assertThat(libraries.expressions("Unknown")).isEmpty();
    assertThat(libraries.version("TestRules")).contains("1.0.0");
    assertThat(libraries.version("Unknown")).isEmpty();
  }

  @Test
  void reportsEveryTranslationErrorWithFileLineAndColumn() throws IOException {
    write("Broken.cql", """
        library Broken version '1.0.0'
        define "Sum": 1 + 'a'
        define "Unknown":   Foo
        """);

    assertThatThrownBy(this::loadContent)
        .isInstanceOf(CqlContentException.class)
        .hasMessageContaining("Broken.cql:2:15: Could not resolve call to operator Add")
        .hasMessageContaining("Broken.cql:3:21: Could not resolve identifier Foo");
  }

  @Test
  void reportsSyntaxErrorsWithOneBasedColumns() throws IOException {
    write("Broken.cql", """
        library Broken version '1.0.0'
        define "Open": (1 + 2
        define "Next": 3
        """);

    assertThatThrownBy(this::loadContent).hasMessageContaining("Broken.cql:3:1: Syntax error");
  }

  @Test
  void reportsAnIncludeThatIsNotInTheFolder() throws IOException {
    write("Main.cql", "library Main version '1.0.0'\n" + HEADER + "include Missing version '1.0.0'\n");

    assertThatThrownBy(this::loadContent).hasMessageContaining("Main.cql:4:1: Could not load source for library Missing");
  }

  @Test
  void resolvesIncludesFromTheSameFolder() throws IOException {
    write("Shared.cql", "library Shared version '2.0.0'\ndefine \"Two\": 2\n");
    write("Main.cql", "library Main version '1.0.0'\ninclude Shared version '2.0.0'\ndefine \"Four\": Shared.\"Two\" * 2\n");

    CqlLibraries libraries = loadContent();

    assertThat(libraries.libraries()).containsExactlyInAnyOrder("Main", "Shared");
    assertThat(libraries.expressions("Main")).containsExactly("Four");
  }

  @Test
  void reportsAnErrorOfAnIncludedLibraryAgainstItsOwnFile() throws IOException {
    write("Shared.cql", "library Shared version '2.0.0'\ndefine \"Bad\": Nope\n");
    write("Main.cql", "library Main version '1.0.0'\ninclude Shared version '2.0.0'\ndefine \"One\": 1\n");

    assertThatThrownBy(this::loadContent)
        .hasMessageContaining("Shared.cql:2:15: Could not resolve identifier Nope")
        .hasMessageNotContaining("Main.cql");
  }

  @Test
  void reportsAValueSetTheVocabularyLacksAtItsDeclaration() throws IOException {
    write("Main.cql", "library Main version '1.0.0'\n" + HEADER
        + "valueset \"Depression\": '" + DEPRESSION_URL + "'\n");

    assertThatThrownBy(this::loadContent)
        .hasMessageContaining("Main.cql:4:1: valueset \"Depression\" ('" + DEPRESSION_URL + "') is not in vocabulary/");
  }

  @Test
  void checksTheValueSetsOfALibraryAnotherOneIncludes() throws IOException {
    write("A.cql", "library A version '1.0.0'\n" + HEADER + "include Shared version '1.0.0'\ndefine \"One\": 1\n");
    write("Shared.cql", "library Shared version '1.0.0'\n" + HEADER
        + "valueset \"Depression\": '" + DEPRESSION_URL + "'\n");

    assertThatThrownBy(this::loadContent)
        .isInstanceOfSatisfying(CqlContentException.class, e -> assertThat(e.problems()).hasSize(1))
        .hasMessageContaining("Shared.cql:4:1: valueset \"Depression\"");
  }

  @Test
  void reportsADeclaredValueSetWithoutCodes() throws IOException {
    write("Main.cql", "library Main version '1.0.0'\n" + HEADER
        + "valueset \"Depression\": '" + DEPRESSION_URL + "'\n");
    write("vocabulary/ValueSet-depression.json", """
        {"resourceType": "ValueSet", "url": "%s", "status": "active", "expansion": {"timestamp": "2026-01-01"}}
        """.formatted(DEPRESSION_URL));

    assertThatThrownBy(this::loadContent)
        .hasMessageContaining("Main.cql:4:1: valueset \"Depression\"")
        .hasMessageContaining("has no codes in vocabulary/ValueSet-depression.json");
  }

  @Test
  void reportsALibraryNamedUnlikeItsFile() throws IOException {
    write("Main.cql", "// rules\nlibrary Other version '1.0.0'\ndefine \"One\": 1\n");

    assertThatThrownBy(this::loadContent)
        .hasMessageContaining("Main.cql:2:1: library name Other does not match the file name Main.cql");
  }

  @Test
  void reportsALibraryWithoutDeclaration() throws IOException {
    write("Main.cql", "define \"One\": 1\n");

    assertThatThrownBy(this::loadContent).hasMessageContaining("Main.cql:1:1: no library declaration");
  }

  @Test
  void reportsProblemsOfEveryFileAtOnce() throws IOException {
    write("A.cql", "library A version '1.0.0'\ndefine \"X\": Nope\n");
    write("B.cql", "library Wrong version '1.0.0'\n");
    write("vocabulary/ValueSet-broken.json", "{ not json");

    assertThatThrownBy(this::loadContent)
        .isInstanceOfSatisfying(CqlContentException.class, e -> assertThat(e.problems()).hasSize(3))
        .hasMessageContaining("has 3 problem(s)")
        .hasMessageContaining("A.cql:2:")
        .hasMessageContaining("B.cql:1:1:")
        .hasMessageContaining("vocabulary/ValueSet-broken.json: not a FHIR R4 ValueSet");
  }

  @Test
  void loadsNothingFromALocationThatDoesNotExist() {
    var report = CqlFixtures.loader(content.resolve("absent").toUri().toString(), Map.of()).read();

    assertThat(report.locationFound()).isFalse();
    assertThat(report.problems()).isEmpty();
    assertThat(report.libraries().libraries()).isEmpty();
  }

  @Test
  void treatsAnAbsentClasspathFolderAsEmptyInsteadOfFailingToRead() {
    var absent = CqlFixtures.loader("classpath:no-such-content/cql/", Map.of()).read();
    var withoutVocabulary = CqlFixtures.loader("classpath:test-content/cql/", Map.of()).read();

    assertThat(absent.locationFound()).isFalse();
    assertThat(absent.libraries().libraries()).isEmpty();
    assertThat(withoutVocabulary.problems()).isEmpty();
    assertThat(withoutVocabulary.libraries().libraries()).containsExactly("ExampleCheck");
  }

  @Test
  void reportsAParameterOverrideThatIsNotOfTheDeclaredTypeNamingTheKey() {
    assertThatThrownBy(() -> load(TEST_CONTENT, Map.of("Min Trials", "two")))
        .hasMessageContaining("cds.cql.parameters.Min Trials: parameter \"Min Trials\" of TestConfig: 'two' is not a System.Integer");
  }

  @Test
  void reportsAParameterOverrideThatNoLibraryDeclares() {
    assertThatThrownBy(() -> load(TEST_CONTENT, Map.of("Min Trails", "2")))
        .hasMessageContaining("cds.cql.parameters.Min Trails: no CQL library declares a parameter of that name");
  }

  @Test
  void refusesASiteValueForAParameterTheHookCallSets() throws IOException {
    write("Selecting.cql", "library Selecting version '1.0.0'\nparameter \"Selections\" List<System.String>\n"
        + "define \"Picked\": \"Selections\"\n");

    assertThatThrownBy(() -> load(content.toUri().toString(), Map.of("Selections", "MedicationRequest/1")))
        .hasMessageContaining("cds.cql.parameters.Selections: \"Selections\" is set for each call from the hook "
            + "context (order-select's selections); a site cannot set it");
  }

  private CqlLibraries loadContent() {
    return load(content.toUri().toString(), Map.of());
  }

  private void write(String file, String text) throws IOException {
    Path path = content.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }
}
