package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlinx.io.Buffer;
import kotlinx.io.Utf8Kt;
import org.cqframework.cql.cql2elm.CqlCompilerException;
import org.cqframework.cql.cql2elm.CqlSyntaxException;
import org.cqframework.cql.cql2elm.CqlTranslator;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.cql2elm.tracking.TrackBack;
import org.cqframework.cql.cql2elm.tracking.Trackable;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.ParameterDef;
import org.hl7.elm.r1.ValueSetDef;

/**
 * Translates the content folder's CQL files over shared caches. Includes resolve from the same folder
 * (FHIRHelpers 4.0.1 from {@code quick}); every translation error, a library named unlike its file,
 * and a declared value set that the vocabulary lacks or has empty become problems located as {@code
 * file:line:column}.
 */
final class LibraryTranslator {

  private static final Pattern LIBRARY_HEADER = Pattern.compile("(?m)^\\s*library\\s");

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
              found.addAll(checkDeclarations(name, text, elm, found.isEmpty(), vocabulary));
              problems.addAll(found);
              if (found.isEmpty()) {
                caches.add(compiled);
                libraries.put(name, describe(name, compiled));
              }
            });
    caches.shareSystemLibraries();
    return new Translation(libraries, List.copyOf(problems));
  }

  /** The library is named like its file, and every value set it declares is shipped with codes. */
  private static List<CqlContentProblem> checkDeclarations(
      String name, String text, Library elm, boolean translated, Vocabulary vocabulary) {
    String file = name + ".cql";
    List<CqlContentProblem> problems = new ArrayList<>();
    String declared = elm == null || elm.getIdentifier() == null ? null : elm.getIdentifier().getId();
    if (declared == null && translated) {
      problems.add(new CqlContentProblem(
          file, 1, 1, "no library declaration (write: library " + name + " version '1.0.0')"));
    } else if (declared != null && !name.equals(declared)) {
      problems.add(headerProblem(file, text, "library name " + declared + " does not match the file name " + file));
    }
    if (elm != null) {
      problems.addAll(checkValueSets(elm, file, vocabulary));
    }
    return problems;
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

  private static CqlContentProblem headerProblem(String file, String text, String message) {
    Matcher header = LIBRARY_HEADER.matcher(text);
    if (!header.find()) {
      return new CqlContentProblem(file, 1, 1, message);
    }
    int line = (int) text.substring(0, header.start()).chars().filter(c -> c == '\n').count() + 1;
    int lineStart = text.lastIndexOf('\n', header.start()) + 1;
    int column = text.indexOf("library", header.start()) - lineStart + 1;
    return new CqlContentProblem(file, line, column, message);
  }

  private static List<CqlContentProblem> checkValueSets(Library elm, String file, Vocabulary vocabulary) {
    List<CqlContentProblem> problems = new ArrayList<>();
    if (elm.getValueSets() == null) {
      return problems;
    }
    for (ValueSetDef valueSet : elm.getValueSets().getDef()) {
      String url = InMemoryTerminologyProvider.stripVersion(valueSet.getId());
      String what = "valueset \"" + valueSet.getName() + "\" ('" + url + "') ";
      if (!vocabulary.codes().containsKey(url)) {
        problems.add(at(
            file, valueSet.getLocator(), what + "is not in vocabulary/ (value sets are matched by their url)"));
      } else if (vocabulary.codes().get(url).isEmpty()) {
        problems.add(at(file, valueSet.getLocator(), what + "has no codes in " + vocabulary.files().get(url)));
      }
    }
    return problems;
  }

  /** @param locator an ELM locator such as {@code 6:1-6:50} */
  private static CqlContentProblem at(String file, String locator, String message) {
    Matcher start = Pattern.compile("^(\\d+):(\\d+)").matcher(locator == null ? "" : locator);
    return start.find()
        ? new CqlContentProblem(file, Integer.parseInt(start.group(1)), Integer.parseInt(start.group(2)), message)
        : CqlContentProblem.of(file, message);
  }

  private static LoadedLibrary describe(String name, CompiledLibrary compiled) {
    Library elm = compiled.getLibrary();
    Set<String> expressions = new LinkedHashSet<>();
    if (elm.getStatements() != null) {
      for (ExpressionDef def : elm.getStatements().getDef()) {
        if (!(def instanceof FunctionDef)) {
          expressions.add(def.getName());
        }
      }
    }
    Map<String, String> parameterTypes = new HashMap<>();
    if (elm.getParameters() != null) {
      for (ParameterDef parameter : elm.getParameters().getDef()) {
        parameterTypes.put(parameter.getName(), typeOf(parameter));
      }
    }
    return new LoadedLibrary(name, compiled.getIdentifier(), expressions, parameterTypes);
  }

  private static String typeOf(ParameterDef parameter) {
    // present on freshly translated ELM: the declared type, or the type of the default
    Object resultType = Trackable.INSTANCE.getResultType(parameter);
    return resultType == null ? "unknown" : resultType.toString();
  }
}
