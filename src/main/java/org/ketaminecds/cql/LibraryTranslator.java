package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kotlinx.io.Buffer;
import kotlinx.io.Utf8Kt;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlSyntaxException;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.cql2elm.tracking.TrackBack;
import org.cqframework.cql.cql2elm.tracking.Trackable;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.ParameterDef;

/**
 * Translates the content folder's CQL files over shared caches. Includes resolve from the same folder
 * (FHIRHelpers 4.0.1 from {@code quick}); every translation error, a library named unlike its file,
 * and a declared value set that the vocabulary lacks or has empty become problems located as {@code
 * file:line:column}.
 */
final class LibraryTranslator {

  record Translation(Map<String, LoadedLibrary> libraries, List<CqlContentProblem> problems) {}

  /** @param sources library name (file name without {@code .cql}) to CQL text */
  Translation translate(Map<String, String> sources, Vocabulary vocabulary, LibraryCaches caches) {
    LibraryManager libraryManager = caches.newLibraryManager();
    libraryManager
        .getLibrarySourceLoader()
        .registerProvider(id -> sources.containsKey(id.getId()) ? source(sources.get(id.getId())) : null);
    Map<String, LoadedLibrary> libraries = new TreeMap<>();
    Set<CqlContentProblem> problems = new LinkedHashSet<>();
    new TreeMap<>(sources)
        .forEach(
            (name, text) -> {
              String file = name + ".cql";
              List<CqlContentProblem> found = new ArrayList<>();
              // a library an earlier file included is compiled (without errors) already
              CompiledLibrary compiled = caches.compiled(name);
              if (compiled == null) {
                CqlTranslator translator;
                try {
                  translator = CqlTranslator.fromText(text, libraryManager);
                } catch (RuntimeException e) {
                  problems.add(CqlContentProblem.of(file, "cannot be translated: " + e));
                  return;
                }
                translator.getErrors().forEach(error -> found.add(locate(error, file, sources)));
                compiled = translator.getTranslatedLibrary();
              }
              Library elm = compiled == null ? null : compiled.getLibrary();
              found.addAll(LibraryDeclarations.check(name, text, elm, found.isEmpty(), vocabulary));
              problems.addAll(found);
              if (found.isEmpty()) {
                caches.add(compiled);
                libraries.put(name, describe(name, compiled));
              }
            });
    caches.shareSystemLibraries();
    return new Translation(libraries, List.copyOf(problems));
  }

  private static Buffer source(String text) {
    Buffer buffer = new Buffer();
    Utf8Kt.writeString(buffer, text, 0, text.length());
    return buffer;
  }

  /** Errors of an included content library are reported against that library's own file. */
  private static CqlContentProblem locate(CqlCompilerException error, String file, Map<String, String> sources) {
    TrackBack at = error.getLocator();
    if (at == null) {
      return CqlContentProblem.of(file, error.getMessage());
    }
    String source = file;
    if (at.getLibrary() != null && sources.containsKey(at.getLibrary().getId())) {
      source = at.getLibrary().getId() + ".cql";
    }
    // the parser reports syntax errors with 0-based columns, the semantic checks with 1-based ones
    int column = at.getStartChar() + (error instanceof CqlSyntaxException ? 1 : 0);
    return new CqlContentProblem(source, at.getStartLine(), column, error.getMessage());
  }

  private static LoadedLibrary describe(String name, CompiledLibrary compiled) {
    Map<String, String> parameterTypes = new HashMap<>();
    Library.Parameters parameters = compiled.getLibrary().getParameters();
    if (parameters != null) {
      for (ParameterDef parameter : parameters.getDef()) {
        parameterTypes.put(parameter.getName(), typeOf(parameter));
      }
    }
    return LoadedLibrary.of(name, compiled, parameterTypes);
  }

  private static String typeOf(ParameterDef parameter) {
    // present on freshly translated ELM: the declared type, or the type of the default
    Object resultType = Trackable.INSTANCE.getResultType(parameter);
    return resultType == null ? "unknown" : resultType.toString();
  }
}
