package org.ketaminecds.prefetch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.relevance.DataNeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encounters the draft orders are placed in ({@code MedicationRequest.encounter}): the rules read the ordering
 * context from them (docs/content/safety-rules.md §3). The {@code encounter} prefetch key brings the context encounter;
 * an order that points to another encounter, or a call without {@code context.encounterId}, gets its encounter read
 * here from {@code fhirServer}. Optional data: an encounter that cannot be read is simply absent (never a 412).
 */
final class OrderEncounters {

  private static final Logger log = LoggerFactory.getLogger(OrderEncounters.class);

  /** Ids on {@code fhirBase} of the encounters the drafts refer to that are not among the known resources. */
  Set<String> missing(Collection<Resource> drafts, Collection<Resource> known, String fhirBase) {
    Set<String> present = new LinkedHashSet<>();
    known.stream().filter(r -> "Encounter".equals(r.fhirType()))
        .forEach(r -> present.add(r.getIdElement().getIdPart()));
    Set<String> ids = new LinkedHashSet<>();
    for (Resource draft : drafts) {
      if (draft instanceof MedicationRequest order && order.hasEncounter()) {
        String id = ServerReferences.id(order.getEncounter().getReference(), "Encounter", fhirBase);
        if (id != null && !present.contains(id)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** The ids of the order encounters {@link #readMissing} reads from a server with this base: none unless a rule reads Encounter. */
  Set<String> toRead(AssembledResources resources, List<Resource> drafts, DataNeeds needs, String fhirBase) {
    if (drafts == null || (needs.filters() && needs.of("Encounter").isEmpty())) {
      return Set.of();
    }
    return missing(drafts, resources.all(), fhirBase);
  }

  /** Reads the missing encounters within the deadline and adds those found; only when a rule reads Encounter. */
  void readMissing(AssembledResources resources, List<Resource> drafts, DataNeeds needs, FhirGateway.Session session,
      ParallelFetcher fetcher, Deadline until) {
    Set<String> missing = session == null ? Set.of() : toRead(resources, drafts, needs, session.base());
    if (missing.isEmpty()) {
      return;
    }
    Map<String, Callable<PrefetchValue>> reads = new LinkedHashMap<>();
    missing.forEach(id -> reads.put(id, () -> session.fetch("Encounter/" + id, until, "order encounter")));
    Map<String, ParallelFetcher.Outcome<PrefetchValue>> outcomes = fetcher.runAll(reads, until);
    outcomes.values().stream().filter(outcome -> !outcome.failed())
        .forEach(outcome -> outcome.value().resources().forEach(resources::add));
    long failed = outcomes.values().stream().filter(ParallelFetcher.Outcome::failed).count();
    if (failed > 0) {
      log.info("{} ordering encounter(s) could not be read; the orders are judged without them", failed);
    }
  }
}
