package org.ketaminecds.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the content defines, read from the repository's own files: services, rules, CQL parameters, names. */
record ContentIndex(List<Service> services, Map<String, Parameter> parameters, TreeSet<String> libraries,
    TreeSet<String> exampleCases, TreeSet<String> valueSetNames) {

  record Rule(String id, String indicator, String condition, String summary, String sourceLabel, String sourceUrl,
      boolean hasSuggestions, int overrideReasons) {
  }

  record Service(String file, String id, List<String> hooks, String library, String title, List<Rule> rules) {
  }

  /** A CQL {@code parameter}: its library, type, default text and the comment lines just above it. */
  record Parameter(String library, String name, String type, String defaultText, List<String> comment) {
  }

  private static final Pattern PARAMETER = Pattern.compile(
      "^parameter\\s+(\"[^\"]+\"|[A-Za-z_]\\w*)\\s+(.+?)(?:\\s+default\\s+(.*))?$");
  private static final Pattern LIBRARY = Pattern.compile("^library\\s+(\"[^\"]+\"|\\w+)");

  static ContentIndex load() {
    ObjectMapper mapper = new ObjectMapper();
    List<Service> services = new ArrayList<>();
    for (Path file : RepositoryText.files(Path.of("cds-hooks"), ".json")) {
      if (file.getNameCount() != 2) {
        continue; // examples/ and demo/ are not service definitions
      }
      services.add(service(mapper, file));
    }
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    TreeSet<String> libraries = new TreeSet<>();
    for (Path file : RepositoryText.files(Path.of("cql"), ".cql")) {
      List<String> comment = new ArrayList<>();
      for (String line : RepositoryText.lines(file)) {
        String trimmed = line.trim();
        Matcher library = LIBRARY.matcher(trimmed);
        Matcher parameter = PARAMETER.matcher(trimmed);
        if (library.find()) {
          libraries.add(unquote(library.group(1)));
        } else if (parameter.matches()) {
          String name = unquote(parameter.group(1));
          String library1 = file.getFileName().toString().replace(".cql", "");
          parameters.put(name, new Parameter(library1, name, parameter.group(2).trim(),
              parameter.group(3) == null ? "" : parameter.group(3).trim(), List.copyOf(comment)));
          continue; // a run of parameters shares the comment above them
        } else if (trimmed.startsWith("//")) {
          comment.add(trimmed.substring(2).trim());
          continue;
        }
        comment.clear();
      }
    }
    TreeSet<String> cases = new TreeSet<>();
    RepositoryText.files(Path.of("cds-hooks", "examples"), ".json")
        .forEach(p -> cases.add(p.getFileName().toString().replace(".json", "")));
    TreeSet<String> valueSets = new TreeSet<>();
    RepositoryText.files(Path.of("cql", "vocabulary"), ".json")
        .forEach(p -> valueSets.add(p.getFileName().toString().replace("ValueSet-", "").replace(".json", "")));
    return new ContentIndex(services, parameters, libraries, cases, valueSets);
  }

  TreeSet<String> ruleIds() {
    TreeSet<String> ids = new TreeSet<>();
    services.forEach(s -> s.rules().forEach(r -> ids.add(r.id())));
    return ids;
  }

  TreeSet<String> serviceIds() {
    TreeSet<String> ids = new TreeSet<>();
    services.forEach(s -> ids.add(s.id()));
    return ids;
  }

  /** Kebab-case names that are not rules: services, example cases, value sets, files of the repository. */
  TreeSet<String> nonRuleNames() {
    TreeSet<String> names = new TreeSet<>(serviceIds());
    names.addAll(exampleCases);
    names.addAll(valueSetNames);
    names.add("ketamine-cds");
    for (String dir : List.of("cds-hooks", "cql", "docs", "bench", "src")) {
      RepositoryText.files(Path.of(dir), "")
          .forEach(p -> names.add(p.getFileName().toString().replaceFirst("\\.[^.]*$", "")));
    }
    return names;
  }

  private static Service service(ObjectMapper mapper, Path file) {
    JsonNode root;
    try {
      root = mapper.readTree(RepositoryText.read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode config = root.path("_config");
    List<String> hooks = new ArrayList<>();
    hooks.add(root.path("hook").asText());
    config.path("additionalHooks").forEach(h -> hooks.add(h.asText()));
    List<Rule> rules = new ArrayList<>();
    for (JsonNode rule : config.path("cards")) {
      JsonNode card = rule.path("card");
      rules.add(new Rule(rule.path("id").asText(), card.path("indicator").asText(),
          rule.path("conditionExpression").asText(), card.path("summary").asText(),
          card.path("source").path("label").asText(), card.path("source").path("url").asText(""),
          card.path("suggestions").size() > 0, card.path("overrideReasons").size()));
    }
    return new Service(RepositoryText.show(file), root.path("id").asText(), hooks,
        config.path("cql").path("library").path("id").asText(), root.path("title").asText(), rules);
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }
}
