package org.ketaminecds.cql;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kotlin.Pair;
import org.hl7.elm.r1.VersionedIdentifier;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.EvaluationExpressionRef;
import org.opencds.cqf.cql.engine.execution.EvaluationParams;
import org.opencds.cqf.cql.engine.execution.ExpressionResult;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values of the patient-independent defines ({@link ConstantDefines}: the product map, the configured dose
 * minimums, code lists...), computed once with the site's parameters on first use and put into each evaluation's
 * expression cache, so no request rebuilds them. Thread-safe; the values are shared, so lists are unmodifiable.
 */
final class PrecomputedDefines {

  private static final Logger log = LoggerFactory.getLogger(PrecomputedDefines.class);
  private static final String FHIR_MODEL_URI = "http://hl7.org/fhir";

  private final CqlLibraries libraries;
  private final ModelResolver modelResolver;
  private volatile Map<VersionedIdentifier, Map<String, Object>> constants;
  private final Map<Set<String>, Map<VersionedIdentifier, Map<String, Object>>> byVarying = new ConcurrentHashMap<>();

  PrecomputedDefines(CqlLibraries libraries, ModelResolver modelResolver) {
    this.libraries = libraries;
    this.modelResolver = modelResolver;
  }

  /**
   * Puts the values of the patient-independent defines ({@link ConstantDefines}) into the engine's expression
   * cache, so this evaluation reads them instead of computing them. The context is set first: setting it later
   * (inside evaluate) to the same value keeps the cache.
   */
  void seed(CqlEngine engine, Pair<String, Object> context) {
    seed(engine, context, Set.of());
  }

  /** The same for a request that sets the {@code varying} parameters: the defines that read none of them. */
  void seed(CqlEngine engine, Pair<String, Object> context, Set<String> varying) {
    if (context != null) {
      engine.getState().setContextValue(context.getFirst(), context.getSecond());
    }
    var cache = engine.getState().getCache();
    constants(varying).forEach((library, values) -> values.forEach((name, value) ->
        cache.cacheExpression(library, name, new ExpressionResult(value, Collections.emptySet()))));
  }

  /** The precomputed values of one library's constant defines (name to value, possibly null), or null. */
  Map<String, Object> values(VersionedIdentifier library) {
    return constants().get(library);
  }

  /** The same for a request that sets the {@code varying} parameters: the defines that read none of them. */
  Map<String, Object> values(VersionedIdentifier library, Set<String> varying) {
    return constants(varying).get(library);
  }

  private Map<VersionedIdentifier, Map<String, Object>> constants(Set<String> varying) {
    if (varying.isEmpty()) {
      return constants();
    }
    return byVarying.computeIfAbsent(Set.copyOf(varying), names -> {
      var still = ConstantDefines.find(
          libraries.caches().newLibraryManager().getCompiledLibraries().values(), names);
      var stillConstant = new java.util.HashSet<String>(); // by library id: identifiers of two library managers
      still.forEach((library, defines) -> defines.forEach(name -> stillConstant.add(library.getId() + "|" + name)));
      Map<VersionedIdentifier, Map<String, Object>> kept = new LinkedHashMap<>();
      constants().forEach((library, values) -> {
        Map<String, Object> libraryValues = new LinkedHashMap<>();
        values.forEach((name, value) -> {
          if (stillConstant.contains(library.getId() + "|" + name)) {
            libraryValues.put(name, value);
          }
        });
        kept.put(library, Collections.unmodifiableMap(libraryValues));
      });
      return Collections.unmodifiableMap(kept);
    });
  }

  private Map<VersionedIdentifier, Map<String, Object>> constants() {
    var known = constants;
    if (known == null) {
      synchronized (this) {
        if (constants == null) {
          constants = computeConstants();
        }
        known = constants;
      }
    }
    return known;
  }

  /** Each constant define evaluated once, with the site's parameters; one that fails is left to each request. */
  private Map<VersionedIdentifier, Map<String, Object>> computeConstants() {
    var found = ConstantDefines.find(libraries.caches().newLibraryManager().getCompiledLibraries().values());
    var parameters = libraries.siteParameters().merge(Map.of());
    Map<VersionedIdentifier, Map<String, Object>> values = new LinkedHashMap<>();
    found.forEach((library, names) -> {
      Map<String, Object> libraryValues = new LinkedHashMap<>();
      for (String name : names) {
        try {
          var engine = new CqlEngine(new Environment(libraries.caches().newLibraryManager(),
              Map.of(FHIR_MODEL_URI, new CompositeDataProvider(modelResolver,
                  new InMemoryRetrieveProvider(List.of(), modelResolver, libraries.terminology()))),
              libraries.terminology()), EnumSet.of(CqlEngine.Options.EnableExpressionCaching));
          var results = engine.evaluate(new EvaluationParams(
              Map.of(library, List.of(new EvaluationExpressionRef(name))), null, parameters, null, ZonedDateTime.now()));
          var result = results.hasExceptions() ? null : results.getResultFor(library);
          if (result != null && result.get(name) != null) {
            Object value = result.get(name).getValue();
            // shared by all requests: a list the engine tried to change would fail loudly, not corrupt others
            libraryValues.put(name, value instanceof List<?> list ? Collections.unmodifiableList(list) : value);
          }
        } catch (RuntimeException e) {
          log.debug("CQL library {}: define \"{}\" left to each evaluation ({})", library.getId(), name,
              e.getClass().getSimpleName());
        }
      }
      values.put(library, Collections.unmodifiableMap(libraryValues));
    });
    log.info("CQL: {} patient-independent defines computed once", values.values().stream().mapToInt(Map::size).sum());
    return values;
  }

}
