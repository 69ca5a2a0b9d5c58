package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import kotlin.Pair;
import org.ketaminecds.relevance.DataNeeds;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.EvaluationExpressionRef;
import org.opencds.cqf.cql.engine.execution.EvaluationParams;
import org.opencds.cqf.cql.engine.execution.EvaluationResults;
import org.opencds.cqf.cql.engine.execution.ExpressionResult;
import org.opencds.cqf.cql.engine.execution.Profile;
import org.opencds.cqf.cql.engine.model.CachingModelResolverDecorator;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one facade over the cqframework engine (and its Kotlin interop). Each call gets a new CqlEngine
 * and Environment over shared pieces: the library caches, one caching model resolver and the
 * in-memory terminology. When the requested defines fail together, each is re-evaluated alone so that
 * one bad define degrades one rule, not the request.
 */
final class EngineCqlEvaluator implements CqlEvaluator, CqlTracer {

  private static final Logger log = LoggerFactory.getLogger(EngineCqlEvaluator.class);
  private static final String FHIR_MODEL_URI = "http://hl7.org/fhir";

  private final CqlLibraries libraries;
  private final ModelResolver modelResolver;
  private final Consumer<Profile> profiles;
  private final PrecomputedDefines precomputed;
  private final RelevantResources relevant;
  private final boolean filter;

  EngineCqlEvaluator(CqlLibraries libraries, FhirContext fhirContext) {
    this(libraries, fhirContext, true);
  }

  /** @param filter whether resources no retrieve of the defines can match are left out ({@link RelevantResources}) */
  EngineCqlEvaluator(CqlLibraries libraries, FhirContext fhirContext, boolean filter) {
    this(libraries, modelResolverFor(fhirContext), null, filter);
  }

  // One model resolver per FhirContext for the process: the engine's R4FhirModelResolver registers a custom type on
  // the context it is given, which makes HAPI rescan its model; on the shared context, a resolver made for reloaded
  // content did that while requests were parsing, and a concurrent draftOrders parse could fail ("not a Bundle").
  private static final Map<FhirContext, ModelResolver> RESOLVERS = new ConcurrentHashMap<>();

  static ModelResolver modelResolverFor(FhirContext fhirContext) {
    return RESOLVERS.computeIfAbsent(fhirContext,
        context -> new CachingModelResolverDecorator(new R4PathResolver(context)));
  }

  private EngineCqlEvaluator(CqlLibraries libraries, ModelResolver modelResolver, Consumer<Profile> profiles,
      boolean filter) {
    this.libraries = libraries;
    this.modelResolver = modelResolver;
    this.profiles = profiles;
    this.filter = filter;
    this.precomputed = new PrecomputedDefines(libraries, modelResolver);
    this.relevant = new RelevantResources(libraries, modelResolver, precomputed, filter);
  }

  /** The same evaluator with the engine's profiling on: each evaluation's call tree and times go to the sink. */
  EngineCqlEvaluator profiling(Consumer<Profile> sink) {
    return new EngineCqlEvaluator(libraries, modelResolver, sink, filter);
  }

  /** The request's resources the engine will see (all of them with the filter off). */
  List<org.hl7.fhir.r4.model.Resource> relevant(EvaluationRequest request) {
    return relevant.select(request);
  }

  @Override
  public DataNeeds dataNeeds(String library, Set<String> expressions) {
    return relevant.needs(library, expressions);
  }

  @Override
  public DataNeeds dataNeeds(String library, Set<String> expressions, Set<String> parameters) {
    return relevant.needs(library, expressions, parameters);
  }

  @Override
  public Map<String, DefineTrace> trace(EvaluationRequest request) {
    return new EngineCqlTracer(libraries, modelResolver, precomputed).trace(request);
  }

  @Override
  public EvaluationResult evaluate(EvaluationRequest request) {
    LoadedLibrary library = libraries.library(request.library())
        .orElseThrow(() -> new CqlEvaluationException("Unknown CQL library " + request.library()));
    List<String> expressions = new ArrayList<>(new TreeSet<>(request.expressions()));
    if (expressions.isEmpty()) {
      return new EvaluationResult(Map.of(), Map.of());
    }
    Run run = new Run(library, request);
    try {
      return new EvaluationResult(run.staged(expressions, request.whenMet()), Map.of());
    } catch (RuntimeException together) {
      // one by one, staged as above: the conditions first, then the defines of the conditions met
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, String> failures = new LinkedHashMap<>();
      oneByOne(run, library, expressions, values, failures);
      var next = definesWhenMet(request.whenMet(), values);
      next.removeAll(failures.keySet());
      oneByOne(run, library, List.copyOf(next), values, failures);
      return new EvaluationResult(values, failures);
    }
  }

  private static void oneByOne(Run run, LoadedLibrary library, List<String> expressions, Map<String, Object> values,
      Map<String, String> failures) {
    for (String expression : expressions) {
      try {
        values.putAll(run.values(List.of(expression)));
      } catch (RuntimeException alone) {
        // class and define name only: exception messages may quote patient data
        String failure = rootCause(alone).getClass().getSimpleName() + " in define \"" + expression + "\"";
        log.warn("CQL library {}: {}", library.name(), failure);
        failures.put(expression, failure);
      }
    }
  }

  /** The defines of the conditions met that are not evaluated yet, in name order. */
  private static Set<String> definesWhenMet(Map<String, Set<String>> whenMet, Map<String, Object> values) {
    var next = new TreeSet<String>();
    whenMet.forEach((condition, defines) -> {
      if (EvaluationRequest.met(values.get(condition))) {
        next.addAll(defines);
      }
    });
    next.removeAll(values.keySet());
    return next;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** What stays the same between the whole evaluation and the one-by-one retries of a request. */
  private final class Run {

    private final LoadedLibrary library;
    private final Pair<String, Object> context;
    private final Map<String, Object> parameters;
    private final ZonedDateTime now;
    private final InMemoryRetrieveProvider retrieveProvider;
    private final Set<String> requestParameters;

    Run(LoadedLibrary library, EvaluationRequest request) {
      this.library = library;
      this.context = request.patientId() == null ? null : new Pair<>("Patient", request.patientId());
      this.parameters = libraries.siteParameters().merge(request.parameters());
      this.requestParameters = request.parameters().keySet();
      this.now = request.now() == null ? ZonedDateTime.now() : request.now();
      this.retrieveProvider = new InMemoryRetrieveProvider(relevant.select(request), modelResolver, libraries.terminology());
    }

    /**
     * The expressions, then on the same engine (its cache keeps what the first stage computed) the defines of the
     * conditions met; throws when any of them fails.
     */
    Map<String, Object> staged(List<String> expressions, Map<String, Set<String>> whenMet) {
      CqlEngine engine = newEngine();
      Map<String, Object> values = values(engine, expressions);
      var next = definesWhenMet(whenMet, values);
      if (!next.isEmpty()) {
        values.putAll(values(engine, List.copyOf(next)));
      }
      report(engine);
      return values;
    }

    /** Raw engine values by define name, on a new engine; throws when any of them fails. */
    Map<String, Object> values(List<String> expressions) {
      CqlEngine engine = newEngine();
      var values = values(engine, expressions);
      report(engine);
      return values;
    }

    private void report(CqlEngine engine) {
      if (profiles != null && engine.getState().getDebugResult() != null) {
        profiles.accept(engine.getState().getDebugResult().getProfile());
      }
    }

    private CqlEngine newEngine() {
      Environment environment = new Environment(
          libraries.caches().engineLibraryManager(),
          Map.of(FHIR_MODEL_URI, new CompositeDataProvider(modelResolver, retrieveProvider)),
          libraries.terminology());
      var options = EnumSet.of(CqlEngine.Options.EnableExpressionCaching);
      if (profiles != null) {
        options.add(CqlEngine.Options.EnableProfiling);
      }
      CqlEngine engine = new CqlEngine(environment, options);
      EngineShortcuts.untrackedResources(engine);
      EngineShortcuts.identityFunctionCache(engine);
      precomputed.seed(engine, context, requestParameters);
      return engine;
    }

    private Map<String, Object> values(CqlEngine engine, List<String> expressions) {
      List<EvaluationExpressionRef> refs = expressions.stream().map(EvaluationExpressionRef::new).toList();
      EvaluationResults results = engine.evaluate(
          new EvaluationParams(Map.of(library.identifier(), refs), context, parameters, null, now));
      if (results.hasExceptions()) {
        // keyed by library id without version, so not found by getExceptionFor(identifier)
        throw results.getExceptions().values().iterator().next();
      }
      var result = results.getResultFor(library.identifier());
      Map<String, Object> values = new LinkedHashMap<>();
      for (String expression : expressions) {
        ExpressionResult value = result == null ? null : result.get(expression);
        values.put(expression, value == null ? null : value.getValue());
      }
      return values;
    }
  }
}
