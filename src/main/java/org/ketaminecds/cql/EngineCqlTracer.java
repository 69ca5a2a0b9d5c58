package org.ketaminecds.cql;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kotlin.Pair;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.EvaluationExpressionRef;
import org.opencds.cqf.cql.engine.execution.EvaluationParams;
import org.opencds.cqf.cql.engine.model.ModelResolver;

/**
 * {@link CqlTracer} over the same libraries, model resolver and precomputed defines as {@link EngineCqlEvaluator}:
 * one define per engine call on one engine (its expression cache keeps what earlier defines computed), timed, with
 * the resources the engine records as retrieved for it. A define that fails is recorded and the next one gets a new
 * engine.
 */
final class EngineCqlTracer implements CqlTracer {

  private static final String FHIR_MODEL_URI = "http://hl7.org/fhir";

  private final CqlLibraries libraries;
  private final ModelResolver modelResolver;
  private final PrecomputedDefines precomputed;

  EngineCqlTracer(CqlLibraries libraries, ModelResolver modelResolver, PrecomputedDefines precomputed) {
    this.libraries = libraries;
    this.modelResolver = modelResolver;
    this.precomputed = precomputed;
  }

  @Override
  public Map<String, DefineTrace> trace(EvaluationRequest request) {
    LoadedLibrary library = libraries.library(request.library())
        .orElseThrow(() -> new CqlEvaluationException("Unknown CQL library " + request.library()));
    var context = request.patientId() == null ? null : new Pair<String, Object>("Patient", request.patientId());
    var parameters = libraries.siteParameters().merge(request.parameters());
    var now = request.now() == null ? ZonedDateTime.now() : request.now();
    var retrieve = new InMemoryRetrieveProvider(request.resources(), modelResolver, libraries.terminology());
    var traces = new LinkedHashMap<String, DefineTrace>();
    var engine = new CqlEngine[] {newEngine(retrieve, context, request.parameters().keySet())};
    Runnable fresh = () -> engine[0] = newEngine(retrieve, context, request.parameters().keySet());
    for (String define : new TreeSet<>(request.expressions())) {
      trace(engine, fresh, library, define, context, parameters, now, traces);
    }
    var whenMet = new TreeSet<String>();
    request.whenMet().forEach((condition, defines) -> {
      var condTrace = traces.get(condition);
      if (condTrace != null && condTrace.failure() == null && EvaluationRequest.met(condTrace.value())) {
        whenMet.addAll(defines);
      }
    });
    whenMet.removeAll(traces.keySet());
    for (String define : whenMet) {
      trace(engine, fresh, library, define, context, parameters, now, traces);
    }
    return traces;
  }

  private static void trace(CqlEngine[] engine, Runnable fresh, LoadedLibrary library, String define,
      Pair<String, Object> context, Map<String, Object> parameters, ZonedDateTime now,
      Map<String, DefineTrace> traces) {
    long started = System.nanoTime();
    try {
      var results = engine[0].evaluate(new EvaluationParams(
          Map.of(library.identifier(), List.of(new EvaluationExpressionRef(define))), context, parameters, null, now));
      if (results.hasExceptions()) {
        throw results.getExceptions().values().iterator().next();
      }
      var result = results.getResultFor(library.identifier());
      var value = result == null ? null : result.get(define);
      long micros = (System.nanoTime() - started) / 1_000;
      traces.put(define, new DefineTrace(define, value == null ? null : value.getValue(),
          value == null ? List.of() : references(value.getEvaluatedResources()), micros, null));
    } catch (RuntimeException e) {
      long micros = (System.nanoTime() - started) / 1_000;
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // class and define name only: exception messages may quote patient data
      traces.put(define, new DefineTrace(define, null, List.of(), micros,
          root.getClass().getSimpleName() + " in define \"" + define + "\""));
      fresh.run();
    }
  }

  /** {@code Type/id} of each resource, sorted, once. */
  private static List<String> references(Iterable<Object> resources) {
    var references = new TreeSet<String>();
    for (Object resource : new ArrayList<>(resources == null ? List.of() : toList(resources))) {
      if (resource instanceof IBaseResource fhir && fhir.getIdElement() != null && fhir.getIdElement().hasIdPart()) {
        references.add(fhir.fhirType() + "/" + fhir.getIdElement().getIdPart());
      }
    }
    return List.copyOf(references);
  }

  private static List<Object> toList(Iterable<Object> values) {
    var list = new ArrayList<Object>();
    values.forEach(list::add);
    return list;
  }

  private CqlEngine newEngine(InMemoryRetrieveProvider retrieve, Pair<String, Object> context,
      java.util.Set<String> requestParameters) {
    var environment = new Environment(libraries.caches().engineLibraryManager(),
        Map.of(FHIR_MODEL_URI, new CompositeDataProvider(modelResolver, retrieve)), libraries.terminology());
    var engine = new CqlEngine(environment, EnumSet.of(CqlEngine.Options.EnableExpressionCaching));
    precomputed.seed(engine, context, requestParameters);
    return engine;
  }
}
