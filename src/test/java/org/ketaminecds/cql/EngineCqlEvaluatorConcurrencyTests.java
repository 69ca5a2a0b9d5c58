package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.cql.CqlFixtures.ESCITALOPRAM;
import static org.ketaminecds.cql.CqlFixtures.ICD10;
import static org.ketaminecds.cql.CqlFixtures.SERTRALINE;
import static org.ketaminecds.cql.CqlFixtures.condition;
import static org.ketaminecds.cql.CqlFixtures.medicationRequest;
import static org.ketaminecds.cql.CqlFixtures.patient;
import static org.ketaminecds.cql.CqlFixtures.phq9;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class EngineCqlEvaluatorConcurrencyTests {

  private static final int THREADS = 8;
  private static final int EVALUATIONS_PER_THREAD = 200;
  private static final int PATIENTS = 10;
  private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T10:00:00Z");
  private static final Set<String> EXPRESSIONS = Set.of(
      "Antidepressant Trial Count", "Meets Trial Threshold", "Has Depression", "Has Mood Disorder",
      "Latest PHQ-9 Score", "Age", "Summary");

  private final CqlEvaluator evaluator =
      new EngineCqlEvaluator(CqlFixtures.load(CqlFixtures.TEST_CONTENT, Map.of()), CqlFixtures.FHIR);

  @Test
  void givesTheSequentialResultsWhenEightThreadsEvaluateAtOnce() throws Exception {
    List<String> sequential = new ArrayList<>();
    for (int patient = 0; patient < PATIENTS; patient++) {
      sequential.add(evaluate(patient));
    }
    assertThat(sequential).as("the patients differ, so a mix-up would show").doesNotHaveDuplicates();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> threads = new ArrayList<>();
      for (int thread = 0; thread < THREADS; thread++) {
        int offset = thread;
        threads.add(pool.submit(() -> {
          List<String> mismatches = new ArrayList<>();
          for (int i = 0; i < EVALUATIONS_PER_THREAD; i++) {
            int patient = (i + offset) % PATIENTS;
            String result = evaluate(patient);
            if (!result.equals(sequential.get(patient))) {
              mismatches.add("patient " + patient + ": " + result);
            }
          }
          return mismatches;
        }));
      }
      for (Future<List<String>> thread : threads) {
        assertThat(thread.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fresh resources per evaluation, as each request parses its own. */
  private String evaluate(int patient) {
    String id = "p" + patient;
    EvaluationResult result = evaluator.evaluate(
        new EvaluationRequest("TestRules", id, resources(id, patient), EXPRESSIONS, Map.of(), NOW));
    return new TreeMap<>(result.values()) + " " + result.failures();
  }

  private static List<Resource> resources(String id, int patient) {
    List<Resource> resources = new ArrayList<>();
    resources.add(patient(id));
    for (int order = 0; order < patient % 4; order++) {
      resources.add(medicationRequest(id + "-m" + order, id, order % 2 == 0 ? SERTRALINE : ESCITALOPRAM, "2025-1" + order + "-01"));
    }
    if (patient % 2 == 0) {
      resources.add(condition(id + "-c", id, ICD10, "F33.2"));
    } else if (patient % 3 == 0) {
      resources.add(condition(id + "-c", id, ICD10, "F31.9"));
    }
    resources.add(phq9(id + "-phq", id, 5 + patient, "2026-02-0" + (1 + patient % 9)));
    return resources;
  }
}
