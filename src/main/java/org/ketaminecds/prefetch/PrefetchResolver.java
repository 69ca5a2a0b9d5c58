package org.ketaminecds.prefetch;

/**
 * Uses each prefetch key the client satisfied, fetches the others (and those that came back as
 * OperationOutcome) in parallel, resolves medicationReference, and adds the draft resources.
 *
 * @throws PrefetchUnavailableException when a key can be neither used nor fetched
 */
public interface PrefetchResolver {

  PatientData resolve(PrefetchRequest request);
}
