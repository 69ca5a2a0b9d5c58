package org.ketaminecds.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The repository's own text files, read from the working directory (the project root under Maven). */
final class RepositoryText {

  static final Path ROOT = Path.of("").toAbsolutePath();

  /** Build output, local stores and tool folders: not part of the repository's text. */
  private static final Set<String> SKIPPED = Set.of("target", ".git", "data", "node_modules", ".idea", ".vscode", "app");

  private RepositoryText() {
  }

  /** Every Markdown file of the repository, relative to the root, in a stable order. */
  static List<Path> markdownFiles() {
    return files(ROOT, ".md");
  }

  /** Every file under {@code dir} (relative to the root) whose name ends with one of the suffixes. */
  static List<Path> files(Path dir, String... suffixes) {
    Path start = ROOT.resolve(dir);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attributes) {
          return d.equals(ROOT) || !SKIPPED.contains(d.getFileName().toString())
              ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (Stream.of(suffixes).anyMatch(s -> file.getFileName().toString().endsWith(s))) {
            found.add(ROOT.relativize(file));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found.stream().sorted().toList();
  }

  static List<String> lines(Path relative) {
    try {
      return Files.readAllLines(ROOT.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path relative) {
    try {
      return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path as written in a failure message: forward slashes, relative to the root. */
  static String show(Path relative) {
    return relative.toString().replace('\\', '/');
  }
}
