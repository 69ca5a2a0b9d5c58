package org.ketaminecds.contenttest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** The case files of an examples folder: {@code <examples>/<service-id>/<case>.json}, sorted. */
public final class ExampleFiles {

  private ExampleFiles() {}

  /** Every case file; empty when the folder is missing or holds none. */
  public static List<Path> all(Path examples) {
    if (!Files.isDirectory(examples)) {
      return List.of();
    }
    try (var files = Files.walk(examples, 2)) {
      return files.filter(f -> f.getNameCount() == examples.getNameCount() + 2)
          .filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The case files matching any of the globs, each tried on {@code <service-id>/<case>} and on {@code <case>},
   * with or without {@code .json}: {@code trd-met}, {@code ketamine-order-check/*}, {@code *aneurysm*}. No glob:
   * every case.
   */
  public static List<Path> matching(Path examples, List<String> globs) {
    var all = all(examples);
    if (globs.isEmpty()) {
      return all;
    }
    var matchers = globs.stream().map(g -> g.endsWith(".json") ? g.substring(0, g.length() - 5) : g)
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    return all.stream().filter(file -> {
      var name = Path.of(file.getFileName().toString().replaceFirst("\\.json$", ""));
      var withService = file.getParent().getFileName().resolve(name);
      return matchers.stream().anyMatch(m -> matches(m, name) || matches(m, withService));
    }).toList();
  }

  private static boolean matches(PathMatcher matcher, Path path) {
    return matcher.matches(path);
  }
}
