package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElmPrecompilerTests {

  @TempDir Path content;
  @TempDir Path elm;

  private final ElmPrecompiler precompiler = new ElmPrecompiler(CqlFixtures.FHIR);

  @Test
  void writesTheElmOfEveryContentLibraryAndOfTheLibrariesTheyInclude() throws IOException {
    CqlFixtures.copyTestContent(content);

    ElmManifest manifest = precompiler.write(content, elm);

    assertThat(manifest.libraries()).extracting(ElmManifest.LibraryFile::name, ElmManifest.LibraryFile::content)
        .containsExactly(
            Tuple.tuple("FHIRHelpers", false),
            Tuple.tuple("TestConfig", true),
            Tuple.tuple("TestRules", true));
    assertThat(manifest.libraries()).allSatisfy(library -> {
      String json = Files.readString(elm.resolve(library.file()));
      assertThat(ElmManifest.sha256(json)).isEqualTo(library.elmSha256());
      assertThat(json).contains("\"id\":\"" + library.name() + "\"");
    });
    assertThat(Files.readString(elm.resolve(PrecompiledElm.MANIFEST))).isEqualTo(manifest.toJson());
  }

  @Test
  void isUpToDateOnlyForTheSameCqlAndIntactElm() throws IOException {
    CqlFixtures.copyTestContent(content);
    assertThat(precompiler.upToDate(content, elm)).as("nothing built yet").isFalse();

    precompiler.write(content, elm);
    assertThat(precompiler.upToDate(content, elm)).as("just built").isTrue();

    var rules = content.resolve("TestRules.cql");
    Files.writeString(rules, Files.readString(rules) + "\ndefine \"Added\": 1\n");
    assertThat(precompiler.upToDate(content, elm)).as("CQL changed").isFalse();

    var file = precompiler.write(content, elm).libraries().stream().filter(l -> l.name().equals("TestRules"))
        .findFirst().orElseThrow().file();
    assertThat(precompiler.upToDate(content, elm)).as("rebuilt").isTrue();
    Files.writeString(elm.resolve(file), Files.readString(elm.resolve(file)).replace("\"Added\"", "\"Renamed\""));
    assertThat(precompiler.upToDate(content, elm)).as("ELM edited after the build").isFalse();
  }

  @Test
  void recordsTheSourcesTranslatorAndOptionsItWasBuiltFrom() throws IOException {
    CqlFixtures.copyTestContent(content);

    ElmManifest manifest = precompiler.write(content, elm);

    var report = CqlFixtures.loader(content.toUri().toString(), Map.of()).read();
    assertThat(manifest.cqlSha256()).isEqualTo(ElmManifest.cqlSha256(report.sources()));
    assertThat(manifest.translatorVersion()).isEqualTo("4.4.0");
    assertThat(manifest.compilerOptions()).isEqualTo(LibraryCaches.optionsText())
        .contains("EnableLocators", "signatureLevel=All");
  }

  @Test
  void recordsTheParameterTypesTheTranslatorGave() throws IOException {
    CqlFixtures.copyTestContent(content);

    ElmManifest manifest = precompiler.write(content, elm);

    var config = manifest.libraries().stream().filter(l -> l.name().equals("TestConfig")).findFirst().orElseThrow();
    assertThat(config.parameterTypes())
        .containsEntry("Min Trials", "System.Integer")
        .containsEntry("Lookback", "System.Quantity")
        .containsEntry("Cutoff Date", "System.Date")
        .hasSize(7);
  }

  @Test
  void recordsHowTheEngineEvaluatesEachUnion() throws IOException {
    Files.writeString(content.resolve("Unions.cql"), """
        library Unions version '1.0.0'
        define "Lists": { 1 } union { 2 }
        define "Intervals": Interval[1, 3] union Interval[2, 5]
        define "Null Lists": (null as List<Integer>) union (null as List<Integer>)
        """);

    ElmManifest manifest = precompiler.write(content, elm);

    // the defines in name order: Intervals, Lists, Null Lists
    assertThat(manifest.libraries().get(0).unions())
        .containsExactly(UnionKinds.Kind.INTERVAL, UnionKinds.Kind.LIST, UnionKinds.Kind.LIST);
  }

  @Test
  void refusesContentThatDoesNotTranslateWithTheLinesStartUpReportsAndWritesNothing() throws IOException {
    Files.writeString(content.resolve("Broken.cql"), """
        library Broken version '1.0.0'
        define "Sum": 1 + 'a'
        """);

    assertThatThrownBy(() -> precompiler.write(content, elm))
        .isInstanceOf(CqlContentException.class)
        .hasMessageContaining("Broken.cql:2:15: Could not resolve call to operator Add");
    assertThat(elm).isEmptyDirectory();
  }

  @Test
  void replacesTheElmOfAnEarlierBuild() throws IOException {
    CqlFixtures.copyTestContent(content);
    Files.writeString(elm.resolve("Removed-1.0.0.json"), "{}");

    precompiler.write(content, elm);

    assertThat(elm.resolve("Removed-1.0.0.json")).doesNotExist();
  }
}
