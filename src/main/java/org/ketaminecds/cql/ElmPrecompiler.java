package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.hl7.elm.r1.IncludeDef;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The build step (Maven {@code process-classes}) that writes precompiled ELM for the packaged content: translates the
 * content folder exactly as start-up would (same loader, same {@link LibraryCaches#OPTIONS}, same checks) and writes
 * the ELM JSON of every content library and every library they include (FHIRHelpers), plus {@link ElmManifest}.
 * Content with a problem fails the build with the same {@code file:line:column: message} lines as start-up.
 */
final class ElmPrecompiler {

  private static final Pattern UNION = Pattern.compile("\"type\":\"Union\"");

  private final FhirContext fhirContext;

  ElmPrecompiler(FhirContext fhirContext) {
    this.fhirContext = fhirContext;
  }

  /** {@code ElmPrecompiler <content folder> <ELM folder>}; exits with 1 when the content has a problem. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ElmPrecompiler <CQL content folder> <ELM output folder>");
      System.exit(2);
    }
    LoggingSystem.get(ElmPrecompiler.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    long started = System.nanoTime();
    try {
      // a build tool, not the service: no Spring context, so the one FhirContext is made here
      var precompiler = new ElmPrecompiler(FhirContext.forR4Cached());
      if (precompiler.upToDate(Path.of(args[0]), Path.of(args[1]))) {
        System.out.printf("Precompiled ELM at %s is up to date (checked in %d ms)%n",
            args[1], (System.nanoTime() - started) / 1_000_000);
        return;
      }
      ElmManifest manifest = precompiler.write(Path.of(args[0]), Path.of(args[1]));
      System.out.printf("Precompiled ELM of %d libraries written to %s in %d ms%n",
          manifest.libraries().size(), args[1], (System.nanoTime() - started) / 1_000_000);
    } catch (CqlContentException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Whether the ELM folder already holds the ELM of exactly this CQL, translator and options, every file matching its
   * manifest: what start-up would accept ({@link PrecompiledElm#read}), so an unchanged build skips translating.
   */
  boolean upToDate(Path content, Path elm) throws IOException {
    if (!Files.isRegularFile(elm.resolve(PrecompiledElm.MANIFEST))) {
      return false;
    }
    Map<String, String> sources = loader(content).sources();
    return PrecompiledElm.at(new DefaultResourceLoader(), elm.toUri().toString()).read(sources).usable();
  }

  /**
   * Translates the content and replaces the ELM folder's JSON files with its ELM and manifest.
   *
   * @throws CqlContentException when the content has a problem (nothing is written then)
   */
  ElmManifest write(Path content, Path elm) throws IOException {
    CqlLibraryLoader.Report report = loader(content).read();
    if (!report.problems().isEmpty()) {
      throw new CqlContentException(report.location(), report.problems());
    }
    Files.createDirectories(elm);
    try (Stream<Path> old = Files.list(elm)) {
      for (Path file : old.filter(f -> f.toString().endsWith(".json")).toList()) {
        Files.delete(file);
      }
    }
    LibraryCaches caches = report.libraries().caches();
    List<ElmManifest.LibraryFile> files = new ArrayList<>();
    for (CompiledLibrary compiled : withIncludes(caches)) {
      String name = compiled.getIdentifier().getId();
      String version = compiled.getIdentifier().getVersion();
      String json = CqlTranslator.convertToJson(compiled.getLibrary());
      List<UnionKinds.Kind> unions = UnionKinds.record(compiled.getLibrary());
      checkEveryUnionRecorded(name, json, unions);
      String file = version == null ? name + ".json" : name + "-" + version + ".json";
      Files.writeString(elm.resolve(file), json);
      Map<String, String> parameterTypes = caches.isContent(name)
          ? report.libraries().library(name).orElseThrow().parameterTypes()
          : Map.of();
      files.add(new ElmManifest.LibraryFile(
          name, version, caches.isContent(name), file, ElmManifest.sha256(json), parameterTypes, unions));
    }
    files.sort(Comparator.comparing(ElmManifest.LibraryFile::name));
    ElmManifest manifest = new ElmManifest(ElmManifest.FORMAT, ElmManifest.cqlSha256(report.sources()),
        LibraryCaches.translatorVersion(), LibraryCaches.optionsText(), files);
    Files.writeString(elm.resolve(PrecompiledElm.MANIFEST), manifest.toJson());
    return manifest;
  }

  /** The start-up loader over the content folder, always translating. */
  private CqlLibraryLoader loader(Path content) {
    return new CqlLibraryLoader(fhirContext, new DefaultResourceLoader(),
        new CqlContentProperties(content.toUri().toString()), new CqlProperties(Map.of()), PrecompiledElm.none());
  }

  /** The content libraries and, transitively, every library they include. */
  private static List<CompiledLibrary> withIncludes(LibraryCaches caches) {
    Map<String, CompiledLibrary> byKey = new LinkedHashMap<>();
    Deque<CompiledLibrary> pending = new ArrayDeque<>();
    caches.all().stream().filter(c -> caches.isContent(c.getIdentifier().getId())).forEach(pending::add);
    while (!pending.isEmpty()) {
      CompiledLibrary library = pending.pop();
      if (byKey.putIfAbsent(key(library.getIdentifier().getId(), library.getIdentifier().getVersion()), library) != null
          || library.getLibrary().getIncludes() == null) {
        continue;
      }
      for (IncludeDef include : library.getLibrary().getIncludes().getDef()) {
        caches.all().stream()
            .filter(c -> c.getIdentifier().getId().equals(include.getPath())
                && (include.getVersion() == null || include.getVersion().equals(c.getIdentifier().getVersion())))
            .findFirst()
            .ifPresentOrElse(pending::add, () -> {
              throw new IllegalStateException(library.getIdentifier().getId() + " includes " + include.getPath()
                  + " " + include.getVersion() + ", which the translation did not compile");
            });
      }
    }
    return List.copyOf(byKey.values());
  }

  private static String key(String name, String version) {
    return name + "|" + version;
  }

  /** Every union of the JSON must have had its kind recorded, or the engine would evaluate it differently. */
  private static void checkEveryUnionRecorded(String name, String json, List<UnionKinds.Kind> unions) {
    Matcher matcher = UNION.matcher(json);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    if (count != unions.size()) {
      throw new IllegalStateException(
          name + ": the ELM has " + count + " unions, the visitor found " + unions.size());
    }
  }
}
