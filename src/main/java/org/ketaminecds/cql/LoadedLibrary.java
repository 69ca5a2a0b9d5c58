package org.ketaminecds.cql;

import java.util.Map;
import java.util.Set;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * A translated content library, as the evaluator and the catalog need it.
 *
 * @param identifier the key of the compiled library in the library cache
 * @param expressions the names of its expression defines (functions excluded)
 * @param parameterTypes parameter name to declared CQL type ({@code System.Integer}, ...)
 */
record LoadedLibrary(
    String name, VersionedIdentifier identifier, Set<String> expressions, Map<String, String> parameterTypes) {

  LoadedLibrary {
    expressions = Set.copyOf(expressions);
    parameterTypes = Map.copyOf(parameterTypes);
  }

  String version() {
    return identifier.getVersion();
  }
}
