package org.ketaminecds.cql;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cqframework.cql.cql2elm.CqlCompilerOptions;
import org.cqframework.cql.cql2elm.CqlCompilerOptions.Options;
import org.cqframework.cql.cql2elm.LibraryBuilder.SignatureLevel;
import org.cqframework.cql.cql2elm.LibraryManager;
import org.cqframework.cql.cql2elm.ModelManager;
import org.cqframework.cql.cql2elm.model.CompiledLibrary;
import org.cqframework.cql.cql2elm.model.Model;
import org.cqframework.cql_to_elm.BuildConfig;
import org.hl7.cql.model.ModelIdentifier;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.VersionedIdentifier;

/**
 * The translator caches. The FHIR ModelInfo and the libraries that do not come from the content
 * folder (FHIRHelpers from {@code quick}) are shared by the whole process, so they are compiled once
 * per JVM; the content libraries live in one cache per loaded content folder. LibraryManager and
 * ModelManager are not thread-safe, so translation takes a new one over these caches per use and evaluation keeps
 * one per thread ({@link #engineLibraryManager()}).
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
  private final ThreadLocal<LibraryManager> engineManagers = ThreadLocal.withInitial(this::newLibraryManager);

  /** The translator's own version (what it writes into each library's CqlToElmInfo). */
  static String translatorVersion() {
    return BuildConfig.IMPLEMENTATION_VERSION;
  }

  /** Every setting of {@link #OPTIONS} as text (precompiled ELM records it). */
  static String optionsText() {
    return "options=" + new TreeSet<>(OPTIONS.getOptions())
        + ", compatibilityLevel=" + OPTIONS.getCompatibilityLevel()
        + ", signatureLevel=" + OPTIONS.getSignatureLevel()
        + ", errorLevel=" + OPTIONS.getErrorLevel()
        + ", validateUnits=" + OPTIONS.getValidateUnits()
        + ", verifyOnly=" + OPTIONS.getVerifyOnly()
        + ", enableCqlOnly=" + OPTIONS.getEnableCqlOnly()
        + ", analyzeDataRequirements=" + OPTIONS.getAnalyzeDataRequirements()
        + ", collapseDataRequirements=" + OPTIONS.getCollapseDataRequirements();
  }

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

  /**
   * The library manager an engine evaluates with, one per thread and per content load. A new ModelManager asks
   * the ServiceLoader for the ModelInfo providers, which in the packaged jar reads every nested jar's
   * META-INF/services on each call (docs/develop/stack-pitfalls.md P19); an engine only reads the caches through
   * its manager, so the thread that evaluates keeps its own rather than building one per engine.
   */
  LibraryManager engineLibraryManager() {
    return engineManagers.get();
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

  /** Every library compiled or adopted so far: the content's and the ones they include (FHIRHelpers). */
  Collection<CompiledLibrary> all() {
    return List.copyOf(libraries.values());
  }

  boolean isContent(String name) {
    return contentNames.contains(name);
  }

  /**
   * Adds a library the translator compiled directly, or one read from precompiled ELM (the engine needs its
   * statements sorted, docs/develop/stack-pitfalls.md P4).
   */
  void add(CompiledLibrary library) {
    if (library.getLibrary().getStatements() != null) {
      library.getLibrary().getStatements().getDef().sort(Comparator.comparing(ExpressionDef::getName));
    }
    libraries.put(library.getIdentifier(), library);
  }

  /**
   * Offers the non-content libraries compiled here (FHIRHelpers) to later loads in this process. Called after
   * translation only: ELM read from JSON lacks the type information the translator needs to compile against it.
   */
  void shareSystemLibraries() {
    libraries.forEach(
        (id, library) -> {
          if (!contentNames.contains(id.getId())) {
            SHARED_LIBRARIES.putIfAbsent(id, library);
          }
        });
  }
}
