package org.ketaminecds.console;

/** A demo patient as listed by {@code GET /preview/api/patients} (synthetic data, fake names). */
record PatientSummary(String id, String name, String gender, int age, String scenario) {}
