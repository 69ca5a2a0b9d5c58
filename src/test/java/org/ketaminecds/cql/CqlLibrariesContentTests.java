package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The repository's own content: every file of the top-level {@code cql/} translates with zero errors, and uses no
 * construct the engine is known to evaluate wrongly.
 */
class CqlLibrariesContentTests {

  private static final Path CQL = Path.of("cql");
  /** "sort by" followed by a comma outside parentheses before the end of the line. */
  private static final java.util.regex.Pattern MULTI_KEY_SORT =
      java.util.regex.Pattern.compile("\\bsort by\\s+(?:[^,()]|\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))*,");

  @TestFactory
  Stream<DynamicTest> everyLibraryOfTheCqlFolderTranslatesWithoutErrors() throws IOException {
    List<String> files = cqlFiles();
    CqlLibraryLoader.Report report = CqlFixtures.loader(CQL.toAbsolutePath().toUri().toString(), Map.of()).read();

    Stream<DynamicTest> folder = Stream.of(
        dynamicTest("the loader finds cql/ exactly when it exists",
            () -> assertThat(report.locationFound()).isEqualTo(Files.isDirectory(CQL))),
        dynamicTest("the loader reads every .cql file of cql/ and nothing else",
            () -> assertThat(report.cqlFiles()).containsExactlyInAnyOrderElementsOf(files)),
        dynamicTest("cql/vocabulary has no problems",
            () -> assertThat(report.problems()).filteredOn(p -> !files.contains(p.source())).isEmpty()));
    Stream<DynamicTest> perFile = files.stream().map(file -> dynamicTest(file + " translates without errors", () -> {
      assertThat(report.problems()).filteredOn(p -> p.source().equals(file)).isEmpty();
      assertThat(report.libraries().libraries()).contains(file.substring(0, file.length() - ".cql".length()));
    }));
    return Stream.concat(folder, perFile);
  }

  /**
   * The 4.4 engine sorts {@code sort by a descending, b} by its last key only (docs/develop/stack-pitfalls.md P20): a
   * multi-key sort in the content would silently order by the wrong key, so it is refused, with file and line.
   */
  @TestFactory
  Stream<DynamicTest> noLibrarySortsByMoreThanOneKey() throws IOException {
    return cqlFiles().stream().map(file -> dynamicTest(file + " sorts by one key at a time", () -> {
      List<String> lines = Files.readAllLines(CQL.resolve(file));
      List<String> multiKey = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String code = lines.get(i).replaceAll("//.*", "").replaceAll("'[^']*'", "''");
        if (MULTI_KEY_SORT.matcher(code).find()) {
          multiKey.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
      assertThat(multiKey).as("multi-key sorts (the engine orders them by the last key only)").isEmpty();
    }));
  }

  private static List<String> cqlFiles() throws IOException {
    if (!Files.isDirectory(CQL)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(CQL)) {
      return paths.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".cql")).sorted().toList();
    }
  }
}
