package org.ketaminecds.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Relative links of Markdown files and the heading anchors they may point to (GitHub's slug rules). */
final class MarkdownLinks {

  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*])*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  /** Every broken relative link of one file, as {@code file:line: message}. */
  List<String> broken(Path file) {
    List<String> problems = new ArrayList<>();
    List<String> lines = RepositoryText.lines(file);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (link.find()) {
        String target = link.group(1);
        if (EXTERNAL.matcher(target).find()) {
          continue;
        }
        String problem = check(file, target);
        if (problem != null) {
          problems.add(RepositoryText.show(file) + ":" + (i + 1) + ": link (" + target + ") " + problem);
        }
      }
    }
    return problems;
  }

  /** The repository files a Markdown file links to (relative links outside code, anchors dropped). */
  Set<Path> targets(Path file) {
    Set<Path> targets = new HashSet<>();
    boolean fenced = false;
    for (String line : RepositoryText.lines(file)) {
      fenced ^= line.trim().startsWith("```");
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (!fenced && link.find()) {
        String target = link.group(1).replaceFirst("#.*", "");
        if (!target.isEmpty() && !EXTERNAL.matcher(target).find()) {
          Path resolved = normalise(file, target);
          if (resolved != null) {
            targets.add(resolved);
          }
        }
      }
    }
    return targets;
  }

  private String check(Path file, String target) {
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = pathPart.isEmpty() ? file : normalise(file, pathPart);
    if (resolved == null) {
      return "leaves the repository";
    }
    if (!Files.exists(RepositoryText.ROOT.resolve(resolved))) {
      return "points to " + RepositoryText.show(resolved) + ", which does not exist";
    }
    if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
      return "names anchor #" + anchor + ", which is no heading of " + RepositoryText.show(resolved);
    }
    return null;
  }

  private static Path normalise(Path file, String pathPart) {
    Path parent = file.getParent() == null ? Path.of("") : file.getParent();
    Path resolved = parent.resolve(pathPart.replace("%20", " ")).normalize();
    return resolved.startsWith("..") ? null : resolved;
  }

  Set<String> anchors(Path file) {
    return anchors.computeIfAbsent(file, MarkdownLinks::headings);
  }

  private static Set<String> headings(Path file) {
    Set<String> slugs = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : RepositoryText.lines(file)) {
      if (line.trim().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        String slug = slug(line.replaceFirst("^#+\\s*", ""));
        int n = seen.merge(slug, 1, Integer::sum);
        slugs.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return slugs;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").trim().toLowerCase();
    return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
  }
}
