package org.ketaminecds.cql;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cqframework.cql.cql2elm.CqlCompilerOptions;
import org.cqframework.cql.cql2elm.CqlCompilerOptions.Options;
import org.cqframework.cql.cql2elm.LibraryBuilder.SignatureLevel;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.cql2elm.model.Model;
import org.hl7.cql.model.ModelIdentifier;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * The translator caches. The FHIR ModelInfo and the libraries that do not come from the content
 * folder (FHIRHelpers from {@code quick}) are shared by the whole process, so they are compiled once
 * per JVM; the content libraries live in one cache per loaded content folder. LibraryManager and
 * ModelManager are not thread-safe, so callers take a new one over these caches per use.
 */
final class LibraryCaches {

  /**
   * Annotations are not needed at runtime; locators are kept for error messages. Every function call carries its
   * signature (SignatureLevel.All), so the engine picks the function from the ELM signature once and caches it;
   * without one it resolves each call again from the arguments' runtime types, which asks the FHIR model
   * resolver to find classes by name (FHIRHelpers' overloads name types such as BundleType) and fails with
   * UnknownType depending on which types HAPI's shared FhirContext has scanned before.
   */
  static final CqlCompilerOptions OPTIONS =
      new CqlCompilerOptions(
              Options.EnableLocators, Options.DisableListDemotion, Options.DisableListPromotion)
          .withSignatureLevel(SignatureLevel.All);

  private static final Map<ModelIdentifier, Model> MODELS = new ConcurrentHashMap<>();
  private static final Map<VersionedIdentifier, CompiledLibrary> SHARED_LIBRARIES =
      new ConcurrentHashMap<>();

  private final Set<String> contentNames;
  private final Map<VersionedIdentifier, CompiledLibrary> libraries = new ConcurrentHashMap<>();

  /** @param contentNames the library names of the content folder, which never come from the shared cache */
  LibraryCaches(Set<String> contentNames) {
    this.contentNames = Set.copyOf(contentNames);
    SHARED_LIBRARIES.forEach(
        (id, library) -> {
          if (!this.contentNames.contains(id.getId())) {
            libraries.put(id, library);
          }
        });
  }

  LibraryManager newLibraryManager() {
    return new LibraryManager(new ModelManager(MODELS), OPTIONS, libraries);
  }

  /** A content library already compiled under any version, or null. */
  CompiledLibrary compiled(String name) {
    for (var entry : libraries.entrySet()) {
      if (name.equals(entry.getKey().getId()) && contentNames.contains(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Adds a library the translator compiled directly (the engine needs its statements sorted, P4). */
  void add(CompiledLibrary library) {
    if (library.getLibrary().getStatements() != null) {
      library.getLibrary().getStatements().getDef().sort(Comparator.comparing(ExpressionDef::getName));
    }
    libraries.put(library.getIdentifier(), library);
  }

  /** Offers the non-content libraries compiled here (FHIRHelpers) to later loads in this process. */
  void shareSystemLibraries() {
    libraries.forEach(
        (id, library) -> {
          if (!contentNames.contains(id.getId())) {
            SHARED_LIBRARIES.putIfAbsent(id, library);
          }
        });
  }
}
