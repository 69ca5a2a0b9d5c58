package org.ketaminecds.cql;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * A content library ready for evaluation (translated or precompiled), as the evaluator and the catalog need it.
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

  /** The library's expression defines read from its ELM; the parameter types come from the translator. */
  static LoadedLibrary of(String name, CompiledLibrary compiled, Map<String, String> parameterTypes) {
    Set<String> expressions = new LinkedHashSet<>();
    var statements = compiled.getLibrary().getStatements();
    if (statements != null) {
      for (ExpressionDef def : statements.getDef()) {
        if (!(def instanceof FunctionDef)) {
          expressions.add(def.getName());
        }
      }
    }
    return new LoadedLibrary(name, compiled.getIdentifier(), expressions, parameterTypes);
  }

  String version() {
    return identifier.getVersion();
  }
}
