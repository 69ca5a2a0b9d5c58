package org.ketaminecds.prefetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * The assembled data for one patient: de-duplicated resources (prefetch, fetched, draft orders) with
 * medicationReference already resolved to codes, where each prefetch key came from, what fetching
 * cost (for audit and metrics), and which keys are incomplete.
 *
 * @param truncatedKeys keys whose search had more pages than {@code cds.fhir.max-pages}: their lists are not the
 *     whole history, so the rules that read them must not conclude from them as if they were
 */
public record PatientData(
    List<Resource> resources, Map<String, KeySource> keySources, int fetchCalls, Duration fetchElapsed,
    Set<String> truncatedKeys) {

  public enum KeySource {
    /** The client sent it (including an explicit null: no data). */
    PREFETCHED,
    /** The service fetched it from the FHIR server (missing or OperationOutcome in the prefetch). */
    FETCHED
  }

  public PatientData {
    resources = List.copyOf(resources);
    keySources = Map.copyOf(keySources);
    fetchElapsed = fetchElapsed == null ? Duration.ZERO : fetchElapsed;
    truncatedKeys = truncatedKeys == null ? Set.of() : Set.copyOf(truncatedKeys);
  }

  /** Complete data: no key truncated. */
  public PatientData(
      List<Resource> resources, Map<String, KeySource> keySources, int fetchCalls, Duration fetchElapsed) {
    this(resources, keySources, fetchCalls, fetchElapsed, Set.of());
  }
}
