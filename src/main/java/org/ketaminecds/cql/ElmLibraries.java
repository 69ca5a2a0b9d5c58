package org.ketaminecds.cql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.IncludeDef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.VersionedIdentifier;

/** The compiled libraries of one content set, found by identifier and by include alias. */
final class ElmLibraries {

  private final Map<VersionedIdentifier, Library> libraries = new HashMap<>();

  ElmLibraries(Collection<CompiledLibrary> compiled) {
    compiled.forEach(c -> libraries.put(c.getIdentifier(), c.getLibrary()));
  }

  /** Every library of the content set. */
  Collection<Library> all() {
    return libraries.values();
  }

  Optional<Library> byName(String name) {
    return libraries.values().stream().filter(l -> name.equals(l.getIdentifier().getId())).findFirst();
  }

  /** The library an alias names from {@code library} (null: the library itself). */
  Optional<Library> target(String alias, Library library) {
    if (alias == null) {
      return Optional.of(library);
    }
    if (library.getIncludes() == null) {
      return Optional.empty();
    }
    for (IncludeDef include : library.getIncludes().getDef()) {
      if (alias.equals(include.getLocalIdentifier())) {
        return libraries.entrySet().stream()
            .filter(e -> include.getPath().equals(e.getKey().getId())
                && (include.getVersion() == null || include.getVersion().equals(e.getKey().getVersion())))
            .map(Map.Entry::getValue)
            .findFirst();
      }
    }
    return Optional.empty();
  }

  /** The defines (every overload, for a function) of that name. */
  static Stream<ExpressionDef> definitions(Library library, String name) {
    return library.getStatements() == null
        ? Stream.empty()
        : library.getStatements().getDef().stream().filter(def -> name.equals(def.getName()));
  }
}
