package org.ketaminecds.bench;

import java.util.List;

/**
 * One benchmark scenario: which service, which kind of patient, whether the request carries the full prefetch
 * or makes the service fetch everything from the (stub) FHIR server, and whether the order being signed is the
 * esketamine order or another drug (lisinopril: most order-sign calls an EHR sends are not for ketamine), and
 * whether major depression is on the problem list (most charts a patient-view call opens have none).
 */
record Scenario(String name, String service, PatientProfile profile, boolean prefetch, int patients,
    boolean otherDrug, boolean depression) {

  Scenario(String name, String service, PatientProfile profile, boolean prefetch, int patients) {
    this(name, service, profile, prefetch, patients, false, true);
  }

  static final List<Scenario> ALL = List.of(
      new Scenario("order-sign-small", BenchRequests.ORDER_SERVICE, PatientProfile.SMALL, true, 64),
      new Scenario("order-sign-other-drug", BenchRequests.ORDER_SERVICE, PatientProfile.TYPICAL, true, 64, true, true),
      new Scenario("order-sign-typical", BenchRequests.ORDER_SERVICE, PatientProfile.TYPICAL, true, 64),
      new Scenario("patient-view-typical", BenchRequests.VIEW_SERVICE, PatientProfile.TYPICAL, true, 64),
      new Scenario("patient-view-no-mdd", BenchRequests.VIEW_SERVICE, PatientProfile.TYPICAL, true, 64, false, false),
      new Scenario("order-sign-no-prefetch", BenchRequests.ORDER_SERVICE, PatientProfile.TYPICAL, false, 32),
      new Scenario("order-sign-other-drug-no-prefetch", BenchRequests.ORDER_SERVICE, PatientProfile.TYPICAL, false,
          32, true, true),
      // last: its requests take seconds each and may exhaust the heap at 64 concurrent
      new Scenario("order-sign-heavy", BenchRequests.ORDER_SERVICE, PatientProfile.HEAVY, true, 6));
}
