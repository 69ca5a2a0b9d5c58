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
 * applied to the request's resources before the engine sees them. The needs rely on the precomputed constants; for
 * a request that sets parameters itself, only on the constants that read none of them (a define that reads one is
 * treated as unknown, which keeps more, never less).
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
    return needs(library, expressions, Set.of());
  }

  /** @param varying the parameters the request sets itself (their constants are not relied on) */
  DataNeeds needs(String library, Set<String> expressions, Set<String> varying) {
    if (!enabled) {
      return DataNeeds.everything();
    }
    var names = new TreeSet<>(expressions);
    var parameters = new TreeSet<>(varying);
    return needs.computeIfAbsent(library + "|" + String.join("|", names) + "|parameters:" + String.join("|", parameters),
        key -> derive(library, names, parameters));
  }

  /** The request's resources that a retrieve of its defines could return; all of them when that cannot be told. */
  List<Resource> select(EvaluationRequest request) {
    if (!enabled) {
      return request.resources();
    }
    Set<String> expressions = new TreeSet<>(request.expressions());
    request.whenMet().values().forEach(expressions::addAll);
    DataNeeds found = needs(request.library(), expressions, request.parameters().keySet());
    if (!found.filters()) {
      return request.resources();
    }
    List<HapiResourceView> views = new ArrayList<>(request.resources().size());
    request.resources().forEach(r -> views.add(new HapiResourceView(r, modelResolver)));
    var keep = RelevanceFilter.keep(views, found, request.patientId(), Set.of(), Set.of());
    return RelevanceFilter.select(request.resources(), keep);
  }

  private DataNeeds derive(String library, Set<String> expressions, Set<String> varying) {
    try {
      var elm = new ElmLibraries(libraries.caches().all());
      var main = elm.byName(library);
      if (main.isEmpty()) {
        return DataNeeds.everything();
      }
      var constants = new ConstantValues(elm, id -> precomputed.values(id, varying));
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
