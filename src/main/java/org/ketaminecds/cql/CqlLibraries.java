package org.ketaminecds.cql;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The translated content of one CQL folder: libraries, terminology and site parameters. Immutable. */
final class CqlLibraries implements CqlLibraryCatalog {

  private final Map<String, LoadedLibrary> libraries;
  private final LibraryCaches caches;
  private final InMemoryTerminologyProvider terminology;
  private final SiteParameters siteParameters;

  CqlLibraries(
      Map<String, LoadedLibrary> libraries,
      LibraryCaches caches,
      InMemoryTerminologyProvider terminology,
      SiteParameters siteParameters) {
    this.libraries = new TreeMap<>(libraries);
    this.caches = caches;
    this.terminology = terminology;
    this.siteParameters = siteParameters;
  }

  @Override
  public Set<String> libraries() {
    return Set.copyOf(libraries.keySet());
  }

  @Override
  public Set<String> expressions(String library) {
    LoadedLibrary loaded = libraries.get(library);
    return loaded == null ? Set.of() : loaded.expressions();
  }

  @Override
  public Optional<String> version(String library) {
    return Optional.ofNullable(libraries.get(library)).map(LoadedLibrary::version);
  }

  @Override
  public Map<String, Set<String>> parameterTypes() {
    Map<String, Set<String>> types = new TreeMap<>();
    libraries.values().forEach(library -> library.parameterTypes().forEach(
        (name, type) -> types.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(type)));
    return types;
  }

  Optional<LoadedLibrary> library(String name) {
    return Optional.ofNullable(libraries.get(name));
  }

  LibraryCaches caches() {
    return caches;
  }

  InMemoryTerminologyProvider terminology() {
    return terminology;
  }

  SiteParameters siteParameters() {
    return siteParameters;
  }
}
