package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.RelevanceFilter;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources an evaluation can read: the {@link DataNeeds} of its defines, derived from this content's ELM
 * ({@link RetrieveNeeds}) once per set of defines and kept with this evaluator (so a new content set has its own),
 * applied to the request's resources before the engine sees them. Only for evaluations with the site's parameters:
 * the needs rely on the precomputed constants, which a request's own parameters would change.
 */
final class RelevantResources {

  private static final Logger log = LoggerFactory.getLogger(RelevantResources.class);

  private final CqlLibraries libraries;
  private final ModelResolver modelResolver;
  private final PrecomputedDefines precomputed;
  private final boolean enabled;
  private final Map<String, DataNeeds> needs = new ConcurrentHashMap<>();

  RelevantResources(CqlLibraries libraries, ModelResolver modelResolver, PrecomputedDefines precomputed,
      boolean enabled) {
    this.libraries = libraries;
    this.modelResolver = modelResolver;
    this.precomputed = precomputed;
    this.enabled = enabled;
  }

  DataNeeds needs(String library, Set<String> expressions) {
    if (!enabled) {
      return DataNeeds.everything();
    }
    var names = new TreeSet<>(expressions);
    return needs.computeIfAbsent(library + "|" + String.join("|", names), key -> derive(library, names));
  }

  /** The request's resources that a retrieve of its defines could return; all of them when that cannot be told. */
  List<Resource> select(EvaluationRequest request) {
    if (!enabled || !request.parameters().isEmpty()) {
      return request.resources();
    }
    Set<String> expressions = new TreeSet<>(request.expressions());
    request.whenMet().values().forEach(expressions::addAll);
    DataNeeds found = needs(request.library(), expressions);
    if (!found.filters()) {
      return request.resources();
    }
    List<HapiResourceView> views = new ArrayList<>(request.resources().size());
    request.resources().forEach(r -> views.add(new HapiResourceView(r, modelResolver)));
    var keep = RelevanceFilter.keep(views, found, request.patientId(), Set.of(), Set.of());
    return RelevanceFilter.select(request.resources(), keep);
  }

  private DataNeeds derive(String library, Set<String> expressions) {
    try {
      var elm = new ElmLibraries(libraries.caches().all());
      var main = elm.byName(library);
      if (main.isEmpty()) {
        return DataNeeds.everything();
      }
      var constants = new ConstantValues(elm, precomputed::values);
      DataNeeds found = RetrieveNeeds.of(elm, main.get(), expressions, libraries.terminology(), modelResolver, constants);
      log.info("CQL library {}: {} defines retrieve {}", library, expressions.size(),
          found.filters() ? found.types() : "everything");
      return found;
    } catch (RuntimeException e) {
      // never worse than no filter: content the analysis cannot read keeps every resource
      log.warn("CQL library {}: resource filter off for these defines ({})", library, e.getClass().getSimpleName());
      return DataNeeds.everything();
    }
  }
}
