package org.ketaminecds.prefetch;

/**
 * Uses each prefetch key the client satisfied, fetches the others (and those that came back as
 * OperationOutcome) in parallel, resolves medicationReference, and adds the draft resources.
 *
 * @throws PrefetchUnavailableException when a key can be neither used nor fetched
 */
public interface PrefetchResolver {

  PatientData resolve(PrefetchRequest request);

  /**
   * The same without any call to the FHIR server, when none would be made: empty when {@link #resolve} would fetch
   * anything (a key not sent, sent as an OperationOutcome or paged; a Medication or an order's Encounter that only the
   * server has). Present, it holds what {@link #resolve} would return for the same request.
   */
  default java.util.Optional<PatientData> resolveWithoutServer(PrefetchRequest request) {
    return java.util.Optional.empty();
  }
}
