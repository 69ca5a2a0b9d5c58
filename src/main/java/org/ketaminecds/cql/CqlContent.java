package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ResourceLoader;

/**
 * One CQL content folder, loaded and checked exactly as at start-up, with its own evaluator (and so its own
 * precomputed defines). For loading content again while the service runs ({@code reload}); start-up keeps its beans
 * ({@link CqlConfig}).
 */
public final class CqlContent {

  private final CqlLibraries libraries;
  private final EngineCqlEvaluator evaluator;

  private CqlContent(CqlLibraries libraries, FhirContext fhirContext, boolean resourceFilter) {
    this.libraries = libraries;
    this.evaluator = new EngineCqlEvaluator(libraries, fhirContext, resourceFilter);
  }

  /**
   * Reads, translates (or adopts the packaged precompiled ELM when it was built from exactly this CQL) and checks
   * every library and value set of the location, then converts the site parameters.
   *
   * @throws InvalidCqlContentException naming every problem as {@code file:line:column: message}
   */
  public static CqlContent load(FhirContext fhirContext, ResourceLoader resourceLoader, String location,
      Map<String, String> parameters, boolean resourceFilter) {
    var elm = PrecompiledElm.at(resourceLoader, PrecompiledElm.PACKAGED);
    var loader = new CqlLibraryLoader(fhirContext, resourceLoader, new CqlContentProperties(location),
        new CqlProperties(parameters), elm);
    try {
      return new CqlContent(loader.load(), fhirContext, resourceFilter);
    } catch (CqlContentException e) {
      throw new InvalidCqlContentException(e.getMessage(), e.problems().stream().map(Object::toString).toList());
    }
  }

  public CqlLibraryCatalog catalog() {
    return libraries;
  }

  public CqlEvaluator evaluator() {
    return evaluator;
  }

  /** Evaluates every define once for an empty patient, so the first call on this content is not the slow one. */
  public void warmUp() {
    new CqlWarmUp(libraries, evaluator).run(null);
  }

  /** Loads the configured CQL location again, with the configured site parameters; a bean ({@link CqlConfig}). */
  public static final class Loader {

    private final FhirContext fhirContext;
    private final ResourceLoader resourceLoader;
    private final String location;
    private final Map<String, String> parameters;
    private final boolean resourceFilter;

    Loader(FhirContext fhirContext, ResourceLoader resourceLoader, CqlContentProperties content, CqlProperties cql,
        boolean resourceFilter) {
      this.resourceFilter = resourceFilter;
      this.fhirContext = fhirContext;
      this.resourceLoader = resourceLoader;
      this.location = content.cqlLocation();
      this.parameters = cql.parameters();
    }

    /** {@code cds.content.cql-location}. */
    public String location() {
      return location;
    }

    /** @throws InvalidCqlContentException naming every problem */
    public CqlContent load() {
      return CqlContent.load(fhirContext, resourceLoader, location, parameters, resourceFilter);
    }
  }

  /** CQL content that cannot be used: every problem, each {@code file:line:column: message} where known. */
  public static final class InvalidCqlContentException extends RuntimeException {

    private final List<String> problems;

    InvalidCqlContentException(String message, List<String> problems) {
      super(message);
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}
