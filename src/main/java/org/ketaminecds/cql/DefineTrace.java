package org.ketaminecds.cql;

import java.util.List;

/**
 * How one define came out in a traced evaluation ({@link CqlTracer}): for explaining a card to an informaticist,
 * never sent to an EHR.
 *
 * @param define the define name
 * @param value its raw CQL value (null when it failed or is null)
 * @param resources the FHIR resources, as {@code Type/id}, that the CQL retrieved while computing it (directly or
 *     through the defines it uses): where its evidence came from
 * @param micros how long evaluating it took, given the defines traced before it (a define they share is counted
 *     where it was first needed)
 * @param failure why it failed (exception class and define, no patient data), null when it did not
 */
public record DefineTrace(String define, Object value, List<String> resources, long micros, String failure) {

  public DefineTrace {
    resources = List.copyOf(resources);
  }
}
