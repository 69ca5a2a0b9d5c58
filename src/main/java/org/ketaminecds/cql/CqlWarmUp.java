package org.ketaminecds.cql;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Evaluates every define of every library once against an empty synthetic patient, so the first
 * real request does not pay for engine class loading. Runs before the app reports readiness
 * (ApplicationRunners run before ReadinessState.ACCEPTING_TRAFFIC).
 */
final class CqlWarmUp implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CqlWarmUp.class);
  static final String PATIENT_ID = "warm-up";

  private final CqlLibraryCatalog catalog;
  private final CqlEvaluator evaluator;

  CqlWarmUp(CqlLibraryCatalog catalog, CqlEvaluator evaluator) {
    this.catalog = catalog;
    this.evaluator = evaluator;
  }

  @Override
  public void run(ApplicationArguments args) {
    StringJoiner timings = new StringJoiner(", ");
    long started = System.nanoTime();
    for (String library : new TreeSet<>(catalog.libraries())) {
      long libraryStarted = System.nanoTime();
      Patient patient = new Patient();
      patient.setId(PATIENT_ID);
      evaluator.evaluate(new EvaluationRequest(
          library, PATIENT_ID, List.of(patient), catalog.expressions(library), Map.of(), ZonedDateTime.now()));
      timings.add(library + " " + (System.nanoTime() - libraryStarted) / 1_000_000 + " ms");
    }
    log.info("CQL warm-up in {} ms: {}", (System.nanoTime() - started) / 1_000_000, timings);
  }
}
