package org.ketaminecds.invocation;

/** patient-view: the chart was opened. */
record PatientViewContext(String userId, String patientId, String encounterId) implements HookContext {}
