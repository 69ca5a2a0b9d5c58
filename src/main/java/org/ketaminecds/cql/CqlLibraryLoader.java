package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Reads every {@code *.cql} and {@code vocabulary/ValueSet-*.json} of the content location at
 * start-up, translates and checks them, and converts the site parameter overrides. Any problem stops
 * start-up with a {@link CqlContentException} that lists them all. When precompiled ELM was built from exactly this
 * CQL it is read instead of translating ({@link PrecompiledElm}); the checks are the same.
 */
final class CqlLibraryLoader {

  private static final Logger log = LoggerFactory.getLogger(CqlLibraryLoader.class);

  /**
   * Everything one load found; {@link #load()} throws when {@code problems} is not empty.
   *
   * @param sources library name to CQL text
   * @param precompiled whether the libraries came from precompiled ELM rather than the translator
   */
  record Report(
      String location, boolean locationFound, List<String> cqlFiles, List<CqlContentProblem> problems,
      CqlLibraries libraries, Map<String, String> sources, boolean precompiled) {}

  private final FhirContext fhirContext;
  private final ResourcePatternResolver resources;
  private final String location;
  private final Map<String, String> parameterOverrides;
  private final PrecompiledElm elm;

  CqlLibraryLoader(
      FhirContext fhirContext, ResourceLoader resourceLoader, CqlContentProperties content, CqlProperties cql,
      PrecompiledElm elm) {
    this.fhirContext = fhirContext;
    this.elm = elm;
    this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
    this.location = content.cqlLocation().endsWith("/") ? content.cqlLocation() : content.cqlLocation() + "/";
    this.parameterOverrides = cql.parameters();
  }

  CqlLibraries load() {
    Report report = read();
    if (!report.problems().isEmpty()) {
      throw new CqlContentException(location, report.problems());
    }
    return report.libraries();
  }

  Report read() {
    long started = System.nanoTime();
    boolean found = resources.getResource(location).exists();
    if (!found) {
      log.warn("No CQL content at {}: no library will be loaded", location);
    }
    Map<String, String> sources = sources();
    Vocabulary vocabulary = new VocabularyLoader(fhirContext).load(files("vocabulary/ValueSet-*.json"));

    LibraryCaches caches = new LibraryCaches(sources.keySet());
    PrecompiledElm.Read precompiled = elm.read(sources);
    if (precompiled.inconsistent()) {
      log.warn("Precompiled ELM not used, translating the CQL instead: {}", precompiled.notUsed());
    }
    var translation = precompiled.usable()
        ? PrecompiledElm.adopt(precompiled, sources, vocabulary, caches)
        : new LibraryTranslator().translate(sources, vocabulary, caches);
    List<CqlContentProblem> problems = new ArrayList<>(vocabulary.problems());
    problems.addAll(translation.problems());
    SiteParameters parameters = SiteParameters.convert(parameterOverrides, translation.libraries(), problems);

    long millis = (System.nanoTime() - started) / 1_000_000;
    if (precompiled.usable()) {
      log.info("Loaded {} CQL libraries from precompiled ELM at {} and {} value sets from {} in {} ms",
          translation.libraries().size(), elm.location(), vocabulary.codes().size(), location, millis);
    } else {
      log.info("Translated {} CQL libraries and {} value sets from {} in {} ms (precompiled ELM: {})",
          translation.libraries().size(), vocabulary.codes().size(), location, millis, precompiled.notUsed());
    }
    CqlLibraries libraries = new CqlLibraries(
        translation.libraries(), caches, new InMemoryTerminologyProvider(vocabulary.codes()), parameters);
    return new Report(location, found, sources.keySet().stream().map(n -> n + ".cql").toList(), problems, libraries,
        sources, precompiled.usable());
  }

  /** Library name (file name without {@code .cql}) to CQL text, for every {@code *.cql} of the location. */
  Map<String, String> sources() {
    Map<String, String> sources = new TreeMap<>();
    files("*.cql").forEach((file, text) -> sources.put(file.substring(0, file.length() - ".cql".length()), text));
    return sources;
  }

  /** File name relative to the location to its text, for the files matching the pattern. */
  private Map<String, String> files(String pattern) {
    Map<String, String> files = new TreeMap<>();
    String folder = pattern.contains("/") ? pattern.substring(0, pattern.lastIndexOf('/') + 1) : "";
    if (!resources.getResource(location + folder).exists()) {
      return files; // an absent folder holds no files; a value set the CQL declares is then reported missing
    }
    try {
      for (Resource resource : resources.getResources(location + pattern)) {
        String name = resource.getFilename();
        if (name != null && resource.isReadable()) {
          files.put(folder + name, resource.getContentAsString(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CQL content at " + location + pattern, e);
    }
    return files;
  }
}
