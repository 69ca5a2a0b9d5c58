package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import kotlin.Pair;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.data.CompositeDataProvider;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.Environment;
import org.opencds.cqf.cql.engine.execution.EvaluationExpressionRef;
import org.opencds.cqf.cql.engine.execution.EvaluationParams;

/** The engine's evaluated-resources bookkeeping is switched off for evaluation; the values do not change. */
class EngineShortcutsTests {

  private static final CqlLibraries LIBRARIES = CqlFixtures.load(CqlFixtures.TEST_CONTENT, Map.of());
  private static final List<org.hl7.fhir.r4.model.Resource> CHART = List.of(CqlFixtures.patient("p1"),
      CqlFixtures.medicationRequest("m1", "p1", CqlFixtures.SERTRALINE, "2026-01-01"),
      CqlFixtures.medicationRequest("m2", "p1", CqlFixtures.ESCITALOPRAM, "2026-03-01"));

  @Test
  void thisEngineVersionLetsTheBookkeepingBeSwitchedOff() {
    assertThat(EngineShortcuts.untrackedResources(engine())).as("the engine's evaluatedResourceStack field changed: review "
        + "EngineShortcuts for this engine version").isTrue();
  }

  @Test
  void functionCallsAreResolvedByIdentityWithTheSameValues() {
    CqlEngine identity = engine();
    assertThat(EngineShortcuts.identityFunctionCache(identity)).as("the engine's functionCache field changed: "
        + "review EngineShortcuts for this engine version").isTrue();
    assertThat(identity.getState().getCache().getFunctionCache()).isInstanceOf(java.util.IdentityHashMap.class);
    assertThat(evaluate(identity).getValue()).isEqualTo(evaluate(engine()).getValue());
  }

  @Test
  void valuesAreTheSameWithoutTheBookkeepingAndNoResourcesAreCollected() {
    CqlEngine tracked = engine();
    CqlEngine untracked = engine();
    EngineShortcuts.untrackedResources(untracked);
    var withTracking = evaluate(tracked);
    var without = evaluate(untracked);
    assertThat(without.getValue()).isEqualTo(withTracking.getValue());
    assertThat(withTracking.getEvaluatedResources()).isNotEmpty();
    assertThat(without.getEvaluatedResources()).isEmpty();
  }

  private static org.opencds.cqf.cql.engine.execution.ExpressionResult evaluate(CqlEngine engine) {
    var library = LIBRARIES.library("TestRules").orElseThrow();
    var results = engine.evaluate(new EvaluationParams(
        Map.of(library.identifier(), List.of(new EvaluationExpressionRef("Antidepressant Trial Count"))),
        new Pair<>("Patient", "p1"), Map.of(), null, null));
    return results.getResultFor(library.identifier()).get("Antidepressant Trial Count");
  }

  private static CqlEngine engine() {
    var resolver = EngineCqlEvaluator.modelResolverFor(CqlFixtures.FHIR);
    var retrieve = new InMemoryRetrieveProvider(CHART, resolver, LIBRARIES.terminology());
    return new CqlEngine(new Environment(LIBRARIES.caches().newLibraryManager(),
        Map.of("http://hl7.org/fhir", new CompositeDataProvider(resolver, retrieve)), LIBRARIES.terminology()),
        EnumSet.of(CqlEngine.Options.EnableExpressionCaching));
  }
}
