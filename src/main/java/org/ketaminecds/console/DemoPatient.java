package org.ketaminecds.console;

/**
 * One bundled synthetic patient: what the picker shows, and the FHIR Bundle text with its relative date tokens
 * (substituted each time it is served).
 */
record DemoPatient(String id, String name, String gender, int age, String scenario, String bundleTemplate) {

  PatientSummary summary() {
    return new PatientSummary(id, name, gender, age, scenario);
  }
}
