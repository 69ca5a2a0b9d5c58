package org.ketaminecds.cql;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;

/**
 * One evaluation of one CQL library for one patient.
 *
 * @param library the CQL library name (file {@code cql/<library>.cql})
 * @param patientId the Patient context value
 * @param resources everything CQL may retrieve: prefetched, fetched and draft-order resources
 * @param expressions the defines to evaluate (only those the card rules need)
 * @param parameters CQL parameter overrides from site configuration (name to CQL-typed value)
 * @param now the evaluation time; CQL {@code Now()} and {@code Today()} are fixed to it for the request
 * @param whenMet defines needed only when a condition define is met (true, or a non-empty list, as card rules read
 *     it): condition name to those defines. They are evaluated after {@code expressions}, which must include the
 *     conditions, and only for the conditions met; for the others they are not evaluated at all
 */
public record EvaluationRequest(
    String library,
    String patientId,
    List<Resource> resources,
    Set<String> expressions,
    Map<String, Object> parameters,
    ZonedDateTime now,
    Map<String, Set<String>> whenMet) {

  public EvaluationRequest {
    resources = List.copyOf(resources);
    expressions = Set.copyOf(expressions);
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    whenMet = whenMet == null ? Map.of() : Map.copyOf(whenMet);
  }

  /** Every define evaluated at once. */
  public EvaluationRequest(String library, String patientId, List<Resource> resources, Set<String> expressions,
      Map<String, Object> parameters, ZonedDateTime now) {
    this(library, patientId, resources, expressions, parameters, now, Map.of());
  }

  /** Whether a condition define's value counts as met: true, or a non-empty list. */
  public static boolean met(Object value) {
    return Boolean.TRUE.equals(value) || value instanceof Iterable<?> list && list.iterator().hasNext();
  }
}
