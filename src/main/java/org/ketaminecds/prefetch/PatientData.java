package org.ketaminecds.prefetch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Resource;

/**
 * The assembled data for one patient: de-duplicated resources (prefetch, fetched, draft orders) with
 * medicationReference already resolved to codes, where each prefetch key came from, and what fetching
 * cost (for audit and metrics).
 */
public record PatientData(
    List<Resource> resources, Map<String, KeySource> keySources, int fetchCalls, Duration fetchElapsed) {

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
  }
}
