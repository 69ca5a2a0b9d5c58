package org.ketaminecds.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documentation says only what the product has: properties, rule ids and CQL parameters it names exist, its
 * relative links resolve, it and the content point at nothing outside the repository, and the generated references
 * match the build. Every failure names file and line.
 */
class DocumentationConsistencyTests {

  /** Named in docs, not in any configuration metadata: JVM system properties Spring Boot reads directly. */
  private static final Set<String> NOT_METADATA = Set.of("spring.context.exit");

  private static final Pattern PROPERTY = Pattern.compile(
      "(?<![\\w./@:$-])((?:cds|spring|management|server)\\.[a-z][a-z0-9-]*(?:(?:\\.|\\[[^\\]\\s]*]\\.?)(?:<[^>\\s]+>|[A-Za-z0-9_\\[\\]-]+))*)");
  private static final Pattern NEW_RULE = Pattern.compile("<!-- docs-check: new rule id ([a-z0-9-]+) -->");
  private static final Pattern KEBAB = Pattern.compile("`([a-z0-9]+(?:-[a-z0-9]+)+)`|\"rule\":\\s*\"([a-z0-9-]+)\"");
  private static final Pattern PASCAL = Pattern.compile("`([A-Z][A-Za-z0-9]+)`");
  private static final Pattern PARAMETER_KEY = Pattern.compile(
      "cds\\.cql\\.parameters\\.([A-Za-z][\\w]*)|\"\\[([^\\]]+)]\"");
  private static final Pattern MACHINE_PATH = Pattern.compile(
      "(?<![\\w.:/-])(/work/|/home/|/root/|/Users/|[A-Z]:\\\\Users\\\\)|\\.\\./shared\\b|(?<![\\w.:/-])/tmp/"
      + "|(?<![\\w/.-])(?:FACTS|STACK|STYLE|CDS-HOOKS)\\.md\\b");
  private static final Pattern OFFLINE_MAVEN = Pattern.compile("\\bmvn\\b[^`\\n]*\\s-o(?=\\s|$|`)");
  private static final Pattern FACTS = Pattern.compile("FACTS\\s+(?:source\\s+)?((?:§\\s*\\d+[a-z]?)|S\\d+)");

  private static ConfigurationMetadata metadata;
  private static ContentIndex content;
  private static List<Path> markdown;

  @BeforeAll
  static void readRepository() {
    metadata = ConfigurationMetadata.load();
    content = ContentIndex.load();
    markdown = RepositoryText.markdownFiles();
  }

  @Test
  void everyPropertyNamedInTheDocsExistsInTheConfigurationMetadata() {
    List<String> problems = new ArrayList<>();
    forEachLine((file, line, text) -> {
      Matcher m = PROPERTY.matcher(text);
      while (m.find()) {
        String name = m.group(1).replaceAll("[.-]+$", "");
        if (!NOT_METADATA.contains(name) && !metadata.knows(name)) {
          problems.add(where(file, line) + "property " + name + " is in no configuration metadata");
        }
      }
    });
    assertThat(problems).as("properties named in the docs").isEmpty();
  }

  @Test
  void everyRuleIdNamedInTheDocsExistsInTheContent() {
    Set<String> rules = content.ruleIds();
    Set<String> prefixes = new TreeSet<>();
    rules.forEach(r -> prefixes.add(r.substring(0, r.indexOf('-'))));
    Set<String> otherNames = new TreeSet<>(content.nonRuleNames());
    // a tutorial may name the rule it teaches to add: <!-- docs-check: new rule id X -->
    forEachLine((file, line, text) -> {
      Matcher declared = NEW_RULE.matcher(text);
      while (declared.find()) {
        otherNames.add(declared.group(1));
      }
    });
    List<String> problems = new ArrayList<>();
    forEachLine((file, line, text) -> {
      Matcher m = KEBAB.matcher(text);
      while (m.find()) {
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        boolean looksLikeRule = m.group(2) != null || prefixes.contains(token.substring(0, token.indexOf('-')));
        if (looksLikeRule && !rules.contains(token) && !otherNames.contains(token)) {
          problems.add(where(file, line) + "rule id " + token + " is no rule of cds-hooks/*.json");
        }
      }
    });
    assertThat(problems).as("rule ids named in the docs").isEmpty();
  }

  @Test
  void everyCqlParameterNamedInTheDocsExistsInTheContent() {
    Set<String> parameters = content.parameters().keySet();
    List<String> problems = new ArrayList<>();
    forEachLine((file, line, text) -> {
      List<String> named = new ArrayList<>();
      Matcher key = PARAMETER_KEY.matcher(text);
      while (key.find()) {
        named.add(key.group(1) != null ? key.group(1) : key.group(2));
      }
      Matcher pascal = PASCAL.matcher(text);
      while (pascal.find()) {
        String token = pascal.group(1);
        boolean shorthand = parameters.stream().anyMatch(p -> !p.equals(token) && p.endsWith(token));
        if (shorthand && !content.libraries().contains(token)) {
          named.add(token);
        }
      }
      named.stream().filter(n -> !parameters.contains(n)).forEach(n ->
          problems.add(where(file, line) + "CQL parameter " + n + " is declared in no cql/*.cql"));
    });
    assertThat(problems).as("CQL parameters named in the docs (declared: %s)", parameters).isEmpty();
  }

  @Test
  void noMavenCommandInTheDocsNeedsAPopulatedLocalRepository() {
    List<String> problems = new ArrayList<>();
    forEachLine((file, line, text) -> {
      if (OFFLINE_MAVEN.matcher(text).find()) {
        problems.add(where(file, line) + "mvn -o fails on a fresh machine (nothing downloaded yet): drop -o");
      }
    });
    assertThat(problems).as("offline Maven commands in the docs").isEmpty();
  }

  @Test
  void everyRelativeLinkResolvesInsideTheRepository() {
    MarkdownLinks links = new MarkdownLinks();
    List<String> problems = new ArrayList<>();
    markdown.forEach(file -> problems.addAll(links.broken(file)));
    assertThat(problems).as("relative links in *.md").isEmpty();
  }

  @Test
  void everyPageOfTheThreeDocSetsIsOneClickFromTheReadme() {
    MarkdownLinks links = new MarkdownLinks();
    Set<Path> linked = links.targets(Path.of("README.md"));
    List<String> problems = markdown.stream()
        .filter(p -> p.startsWith("docs") && p.getNameCount() == 3)
        .filter(p -> !linked.contains(p))
        .map(p -> "README.md:1: no link to " + RepositoryText.show(p))
        .toList();
    assertThat(problems).as("doc pages the README map does not link").isEmpty();
  }

  /** A merge that left its conflict markers in a doc or content file (it happened once, in safety-rules.md). */
  @Test
  void noDocContentOrSourceFileHoldsAMergeConflictMarker() {
    List<Path> files = new ArrayList<>(markdown);
    files.addAll(RepositoryText.files(Path.of("cql"), ".cql", ".json", ".md", ".csv"));
    files.addAll(RepositoryText.files(Path.of("cds-hooks"), ".json", ".md"));
    files.addAll(RepositoryText.files(Path.of("src"), ".java", ".yml", ".yaml", ".properties", ".json", ".sql"));
    List<String> problems = new ArrayList<>();
    for (Path file : files.stream().distinct().toList()) {
      List<String> lines = RepositoryText.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("<<<<<<< ") || lines.get(i).startsWith(">>>>>>> ")) {
          problems.add(where(file, i + 1) + "merge conflict marker");
        }
      }
    }
    assertThat(problems).as("merge conflict markers").isEmpty();
  }

  @Test
  void noDocContentOrSourceFilePointsAtAPathOutsideTheRepository() {
    List<Path> files = new ArrayList<>(markdown);
    files.addAll(RepositoryText.files(Path.of("cql"), ".cql", ".json", ".md", ".csv"));
    files.addAll(RepositoryText.files(Path.of("cds-hooks"), ".json", ".md"));
    files.addAll(RepositoryText.files(Path.of("src", "main", "resources"), ".yml", ".yaml", ".properties"));
    files.addAll(RepositoryText.files(Path.of("src", "main", "java"), ".java"));
    files.add(Path.of("pom.xml"));
    List<String> problems = new ArrayList<>();
    for (Path file : files.stream().distinct().toList()) {
      List<String> lines = RepositoryText.lines(file);
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        String text = lines.get(i);
        fenced ^= text.trim().startsWith("```");
        boolean indentedCode = file.toString().endsWith(".md") && text.startsWith("    ");
        Matcher m = MACHINE_PATH.matcher(text);
        while (m.find()) {
          boolean commandExample = m.group().equals("/tmp/") && (fenced || indentedCode || insideBackticks(text, m.start()));
          if (!commandExample) {
            problems.add(where(file, i + 1) + "points outside the repository: " + m.group());
          }
        }
      }
    }
    assertThat(problems).as("machine paths in docs and content").isEmpty();
  }

  @Test
  void everyFactsSectionTheContentCitesIsInTheEvidencePage() {
    Path evidence = Path.of("docs", "content", "evidence.md");
    String page = RepositoryText.read(evidence);
    List<Path> files = new ArrayList<>(markdown);
    files.addAll(RepositoryText.files(Path.of("cql"), ".cql", ".json"));
    files.addAll(RepositoryText.files(Path.of("cds-hooks"), ".json"));
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = RepositoryText.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = FACTS.matcher(lines.get(i));
        while (m.find()) {
          String cited = m.group(1).replaceAll("\\s", "");
          boolean present = cited.startsWith("§")
              ? Pattern.compile("(?m)^#+ " + Pattern.quote(cited) + "\\b").matcher(page).find()
              : page.contains("| " + cited + " |");
          if (!present) {
            problems.add(where(file, i + 1) + "cites FACTS " + cited + ", which " + evidence + " does not have");
          }
        }
      }
    }
    assertThat(problems).as("FACTS citations resolved by docs/content/evidence.md").isEmpty();
  }

  @Test
  void generatedReferencesMatchTheBuild() throws IOException {
    Map<Path, String> expected = ReferenceDocs.generate(metadata, content);
    if (Boolean.getBoolean("docs.regenerate")) {
      ReferenceDocs.write(expected);
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<Path, String> file : expected.entrySet()) {
      Path path = RepositoryText.ROOT.resolve(file.getKey());
      if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
        stale.add(RepositoryText.show(file.getKey()) + ":1: stale or missing; regenerate with: "
            + ReferenceDocs.REGENERATE);
      }
    }
    assertThat(stale).as("generated references").isEmpty();
  }

  private interface LineVisitor {
    void visit(Path file, int line, String text);
  }

  private static void forEachLine(LineVisitor visitor) {
    for (Path file : markdown) {
      List<String> lines = RepositoryText.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        visitor.visit(file, i + 1, lines.get(i));
      }
    }
  }

  private static boolean insideBackticks(String text, int index) {
    return text.substring(0, index).chars().filter(c -> c == '`').count() % 2 == 1;
  }

  private static String where(Path file, int line) {
    return RepositoryText.show(file) + ":" + line + ": ";
  }
}
