package org.ketaminecds.relevance;

import java.util.List;

/** One resource as the filter reads it, in whichever representation it has at that step (JSON tree or HAPI). */
public interface ResourceView extends RecordTest.Values {

  /** The FHIR resource type, or null when it cannot be told (such a resource is kept). */
  String type();

  /** {@code Type/id}, or null. */
  String key();

  /** The codings at {@code codePath} as {system, code} pairs, or null when they cannot be read here. */
  List<String[]> codings(String codePath);

  /** Whether the element at {@code contextPath} refers to the patient. */
  Truth refersTo(String contextPath, String patientId);
}
