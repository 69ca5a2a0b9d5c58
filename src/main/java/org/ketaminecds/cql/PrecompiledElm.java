package org.ketaminecds.cql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.elm.serializing.ElmJsonLibraryReader;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.VersionedIdentifier;
import org.ketaminecds.cql.LibraryTranslator.Translation;
import org.springframework.core.io.ResourceLoader;

/**
 * ELM that {@link ElmPrecompiler} wrote at build time, used instead of translating when the content's CQL is exactly
 * what it was built from, by the same translator with the same options. Anything else (other CQL, another translator
 * or options, a file that differs from its manifest) leaves the content to the translator, so stale ELM is never
 * served. The ELM passes the same declaration checks as translated ELM.
 */
final class PrecompiledElm {

  /** Where the build puts the ELM of the packaged content. */
  static final String PACKAGED = "classpath:content/elm/";
  static final String MANIFEST = "manifest.json";

  /** A library read from its ELM file, with what its manifest entry adds. */
  record ReadLibrary(ElmManifest.LibraryFile file, CompiledLibrary compiled) {}

  /**
   * What a read found.
   *
   * @param libraries every library of the manifest, read; empty when the ELM is not used
   * @param notUsed why the ELM is not used, null when it is
   * @param inconsistent whether that is because the ELM does not match its own manifest (rather than other CQL)
   */
  record Read(List<ReadLibrary> libraries, String notUsed, boolean inconsistent) {

    static Read notUsed(String why, boolean inconsistent) {
      return new Read(List.of(), why, inconsistent);
    }

    boolean usable() {
      return notUsed == null;
    }
  }

  private final ResourceLoader resources;
  private final String location;

  private PrecompiledElm(ResourceLoader resources, String location) {
    this.resources = resources;
    this.location = location == null || location.endsWith("/") ? location : location + "/";
  }

  /** The ELM in a folder ({@code classpath:} or {@code file:}) holding {@value #MANIFEST}. */
  static PrecompiledElm at(ResourceLoader resources, String location) {
    return new PrecompiledElm(resources, location);
  }

  /** No precompiled ELM: the content is always translated. */
  static PrecompiledElm none() {
    return new PrecompiledElm(null, null);
  }

  String location() {
    return location;
  }

  /** @param sources library name to CQL text, as the content location holds them */
  Read read(Map<String, String> sources) {
    if (location == null) {
      return Read.notUsed("none configured", false);
    }
    try {
      var manifestFile = resources.getResource(location + MANIFEST);
      if (!manifestFile.exists()) {
        return Read.notUsed("none at " + location, false);
      }
      ElmManifest manifest = ElmManifest.parse(manifestFile.getContentAsString(StandardCharsets.UTF_8));
      String otherBuild = otherBuild(manifest, sources);
      if (otherBuild != null) {
        return Read.notUsed(otherBuild, false);
      }
      Set<String> content = manifest.libraries().stream().filter(ElmManifest.LibraryFile::content)
          .map(ElmManifest.LibraryFile::name).collect(Collectors.toSet());
      if (!content.equals(sources.keySet())) {
        throw new IllegalStateException("its manifest lists the libraries " + content + ", the CQL " + sources.keySet());
      }
      List<ReadLibrary> libraries = new ArrayList<>();
      for (var file : manifest.libraries()) {
        libraries.add(new ReadLibrary(file, readLibrary(file)));
      }
      return new Read(libraries, null, false);
    } catch (IOException | RuntimeException e) {
      return Read.notUsed("the ELM at " + location + " does not match its manifest (" + e.getMessage() + ")", true);
    }
  }

  /** Why the ELM is not for this CQL, translator and options; null when it is. */
  private static String otherBuild(ElmManifest manifest, Map<String, String> sources) {
    if (manifest.format() != ElmManifest.FORMAT) {
      return "manifest format " + manifest.format() + ", this version reads " + ElmManifest.FORMAT;
    }
    if (!LibraryCaches.translatorVersion().equals(manifest.translatorVersion())) {
      return "built by translator " + manifest.translatorVersion() + ", this is " + LibraryCaches.translatorVersion();
    }
    if (!LibraryCaches.optionsText().equals(manifest.compilerOptions())) {
      return "built with other translator options " + manifest.compilerOptions();
    }
    if (!ElmManifest.cqlSha256(sources).equals(manifest.cqlSha256())) {
      return "the CQL differs from the CQL it was built from";
    }
    return null;
  }

  private CompiledLibrary readLibrary(ElmManifest.LibraryFile file) throws IOException {
    String json = resources.getResource(location + file.file()).getContentAsString(StandardCharsets.UTF_8);
    if (!ElmManifest.sha256(json).equals(file.elmSha256())) {
      throw new IllegalStateException(file.file() + " differs from its checksum");
    }
    Library library = new ElmJsonLibraryReader().read(json);
    VersionedIdentifier id = library.getIdentifier();
    if (id == null || !file.name().equals(id.getId()) || !Objects.equals(file.version(), id.getVersion())) {
      throw new IllegalStateException(file.file() + " does not hold library " + file.name() + " " + file.version());
    }
    UnionKinds.restore(library, file.unions());
    CompiledLibrary compiled = new CompiledLibrary();
    compiled.setLibrary(library);
    compiled.setIdentifier(id);
    return compiled;
  }

  /**
   * Puts what a usable read found into the caches: the included libraries as they are, each content library after
   * the same declaration checks as a translated one (a value set the vocabulary lacks stops start-up naming file and
   * line), with the parameter types its manifest entry records.
   */
  static Translation adopt(Read read, Map<String, String> sources, Vocabulary vocabulary, LibraryCaches caches) {
    Map<String, LoadedLibrary> loaded = new TreeMap<>();
    List<CqlContentProblem> problems = new ArrayList<>();
    for (ReadLibrary library : read.libraries()) {
      ElmManifest.LibraryFile file = library.file();
      if (!file.content()) {
        caches.add(library.compiled());
        continue;
      }
      var found = LibraryDeclarations.check(
          file.name(), sources.get(file.name()), library.compiled().getLibrary(), true, vocabulary);
      problems.addAll(found);
      if (found.isEmpty()) {
        caches.add(library.compiled());
        loaded.put(file.name(), LoadedLibrary.of(file.name(), library.compiled(), file.parameterTypes()));
      }
    }
    return new Translation(loaded, problems);
  }
}
