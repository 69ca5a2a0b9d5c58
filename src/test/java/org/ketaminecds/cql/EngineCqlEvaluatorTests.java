package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.cql.CqlFixtures.ESCITALOPRAM;
import static org.ketaminecds.cql.CqlFixtures.ICD10;
import static org.ketaminecds.cql.CqlFixtures.SERTRALINE;
import static org.ketaminecds.cql.CqlFixtures.TEST_CONTENT;
import static org.ketaminecds.cql.CqlFixtures.condition;
import static org.ketaminecds.cql.CqlFixtures.medicationRequest;
import static org.ketaminecds.cql.CqlFixtures.patient;
import static org.ketaminecds.cql.CqlFixtures.phq9;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Quantity;

class EngineCqlEvaluatorTests {

  private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-01T10:00:00Z");
  private static final Map<String, String> SITE_PARAMETERS = Map.of(
      "Lookback", "24 months",
      "Max Systolic", "140 'mm[Hg]'",
      "min-trials", "3",
      "Min Score", "12.5",
      "Strict Mode", "true",
      "Site Name", "Clinic A",
      "Cutoff Date", "2024-01-31");

  private static CqlEvaluator defaults;
  private static CqlEvaluator site;

  @BeforeAll
  static void loadContent() {
    defaults = new EngineCqlEvaluator(CqlFixtures.load(TEST_CONTENT, Map.of()), CqlFixtures.FHIR);
    site = new EngineCqlEvaluator(CqlFixtures.load(TEST_CONTENT, SITE_PARAMETERS), CqlFixtures.FHIR);
  }

  @Test
  void fixesNowToTheRequestTime() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Evaluated At", "Age")));

    assertThat(((DateTime) result.value("Evaluated At")).getDateTime().toInstant()).isEqualTo(NOW.toInstant());
    assertThat(result.value("Age")).isEqualTo(45);
  }

  @Test
  void countsTheAntidepressantTrialsOfThePatientWithinTheLookback() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Antidepressant Trial Count", "Meets Trial Threshold")));

    assertThat(result.values()).containsEntry("Antidepressant Trial Count", 2).containsEntry("Meets Trial Threshold", true);
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void matchesConditionsThroughAComposeThatIncludesAnotherValueSet() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Has Depression", "Has Mood Disorder")));

    assertThat(result.values()).containsEntry("Has Depression", true).containsEntry("Has Mood Disorder", true);
  }

  @Test
  void returnsRawEngineValues() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Latest PHQ-9", "Latest PHQ-9 Score", "Summary")));

    assertThat(result.value("Latest PHQ-9")).isInstanceOf(Observation.class)
        .extracting(o -> ((Observation) o).getIdElement().getIdPart()).isEqualTo("phq-late");
    assertThat(result.value("Latest PHQ-9 Score")).isEqualTo(18);
    assertThat(result.value("Summary")).isEqualTo("Trials: 2, site: default site");
  }

  @Test
  void evaluatesOnlyTheRequestedDefines() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Has Depression")));

    assertThat(result.values()).containsOnlyKeys("Has Depression");
  }

  @Test
  void convertsSiteOverridesToEachParameterDeclaredType() {
    EvaluationResult result = site.evaluate(request(history(), Set.of(
        "Lookback Value", "Max Systolic Value", "Min Trials Value", "Min Score Value", "Strict Mode Value",
        "Site Name Value", "Cutoff Date Value")));

    assertThat(result.failures()).isEmpty();
    assertThat((Quantity) result.value("Lookback Value"))
        .extracting(Quantity::getValue, Quantity::getUnit).containsExactly(new BigDecimal("24"), "months");
    assertThat((Quantity) result.value("Max Systolic Value"))
        .extracting(Quantity::getValue, Quantity::getUnit).containsExactly(new BigDecimal("140"), "mm[Hg]");
    assertThat(result.value("Min Trials Value")).isEqualTo(3);
    assertThat(result.value("Min Score Value")).isEqualTo(new BigDecimal("12.5"));
    assertThat(result.value("Strict Mode Value")).isEqualTo(true);
    assertThat(result.value("Site Name Value")).isEqualTo("Clinic A");
    assertThat(((Date) result.value("Cutoff Date Value")).getDate()).isEqualTo(LocalDate.of(2024, 1, 31));
  }

  @Test
  void appliesSiteOverridesInsideTheRules() {
    // a 24-month lookback also counts the 2024 trial; three trials are needed
    EvaluationResult result = site.evaluate(request(history(), Set.of("Antidepressant Trial Count", "Meets Trial Threshold")));

    assertThat(result.values()).containsEntry("Antidepressant Trial Count", 3).containsEntry("Meets Trial Threshold", true);
  }

  @Test
  void computesPatientIndependentDefinesOnceWithTheSiteParametersAndReusesThemUnchanged() {
    Set<String> defines = Set.of("Threshold Labels", "Labels With Trials");

    EvaluationResult first = site.evaluate(request(history(), defines));
    EvaluationResult again = site.evaluate(request(history(), defines));

    assertThat(first.value("Threshold Labels")).isEqualTo(List.of("threshold minimum=3", "threshold strict=1"));
    assertThat(first.value("Labels With Trials"))
        .isEqualTo(List.of("threshold minimum=3", "threshold strict=1", "trials=3"));
    assertThat(again.values()).isEqualTo(first.values());
    assertThat(defaults.evaluate(request(history(), defines)).value("Threshold Labels"))
        .isEqualTo(List.of("threshold minimum=2", "threshold strict=0"));
  }

  @Test
  void doesNotUseThePrecomputedValuesWhenTheRequestBringsItsOwnParameters() {
    EvaluationRequest request = new EvaluationRequest(
        "TestRules", "p1", history(), Set.of("Threshold Labels"), Map.of("Min Trials", 4), NOW);

    assertThat(site.evaluate(request).value("Threshold Labels"))
        .isEqualTo(List.of("threshold minimum=4", "threshold strict=1"));
  }

  @Test
  void evaluatesTheDefinesOfAConditionOnlyWhenTheConditionIsMet() {
    var whenMet = Map.of("Has Depression", Set.of("Summary"), "Severe Score", Set.of("Latest PHQ-9 Score"));
    var withoutPhq9 = history().stream().filter(r -> !(r instanceof Observation)).toList();
    var request = new EvaluationRequest(
        "TestRules", "p1", withoutPhq9, Set.of("Has Depression", "Severe Score"), Map.of(), NOW, whenMet);

    EvaluationResult result = defaults.evaluate(request);

    assertThat(result.values()).containsEntry("Has Depression", true).containsEntry("Severe Score", null)
        .containsEntry("Summary", "Trials: 2, site: default site").doesNotContainKey("Latest PHQ-9 Score");
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void reportsAFailingDefineOfAConditionMetAndIgnoresOneOfAConditionNotMet() {
    var whenMet = Map.of("Has Depression", Set.of("Always Fails", "Summary"));
    var withoutConditions = history().stream().filter(r -> !(r instanceof org.hl7.fhir.r4.model.Condition)).toList();

    EvaluationResult met = defaults.evaluate(
        new EvaluationRequest("TestRules", "p1", history(), Set.of("Has Depression"), Map.of(), NOW, whenMet));
    EvaluationResult notMet = defaults.evaluate(
        new EvaluationRequest("TestRules", "p1", withoutConditions, Set.of("Has Depression"), Map.of(), NOW, whenMet));

    assertThat(met.failures()).containsOnlyKeys("Always Fails");
    assertThat(met.values()).containsEntry("Summary", "Trials: 2, site: default site");
    assertThat(notMet.failures()).isEmpty();
    assertThat(notMet.values()).containsOnlyKeys("Has Depression").containsEntry("Has Depression", false);
  }

  @Test
  void letsARequestParameterOverrideTheSiteValue() {
    EvaluationRequest request = new EvaluationRequest(
        "TestRules", "p1", history(), Set.of("Min Trials Value", "Meets Trial Threshold"), Map.of("Min Trials", 4), NOW);

    EvaluationResult result = site.evaluate(request);

    assertThat(result.values()).containsEntry("Min Trials Value", 4).containsEntry("Meets Trial Threshold", false);
  }

  @Test
  void reportsAFailingDefineWithoutLosingTheOthers() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of("Always Fails", "Has Depression", "Antidepressant Trial Count")));

    assertThat(result.values()).containsEntry("Has Depression", true).containsEntry("Antidepressant Trial Count", 2);
    assertThat(result.failed("Always Fails")).isTrue();
    assertThat(result.failures()).containsOnlyKeys("Always Fails");
    assertThat(result.failures().get("Always Fails"))
        .isEqualTo("CqlException in define \"Always Fails\"")
        .doesNotContain("this define always fails", "p1");
  }

  @Test
  void rejectsAnUnknownLibrary() {
    EvaluationRequest request = new EvaluationRequest("Nope", "p1", List.of(), Set.of("X"), Map.of(), NOW);

    assertThatThrownBy(() -> defaults.evaluate(request)).isInstanceOf(CqlEvaluationException.class).hasMessageContaining("Nope");
  }

  @Test
  void returnsNothingWhenNoDefineIsRequested() {
    EvaluationResult result = defaults.evaluate(request(history(), Set.of()));

    assertThat(result.values()).isEmpty();
    assertThat(result.failures()).isEmpty();
  }

  private static EvaluationRequest request(List<Resource> resources, Set<String> expressions) {
    return new EvaluationRequest("TestRules", "p1", resources, expressions, Map.of(), NOW);
  }

  /** p1: two antidepressant trials in the last year, one in 2024, depression, two PHQ-9 scores; p2's data mixed in. */
  static List<Resource> history() {
    return List.of(
        patient("p1"),
        medicationRequest("sertraline", "p1", SERTRALINE, "2026-01-10"),
        medicationRequest("escitalopram", "p1", ESCITALOPRAM, "2025-10-01"),
        medicationRequest("escitalopram-2024", "p1", ESCITALOPRAM, "2024-06-01"),
        medicationRequest("other-drug", "p1", "999999", "2026-01-10"),
        medicationRequest("other-patient", "p2", SERTRALINE, "2026-01-10"),
        condition("trd", "p1", ICD10, "F33.2"),
        condition("other-patient-bipolar", "p2", ICD10, "F31.9"),
        phq9("phq-early", "p1", 22, "2025-09-01"),
        phq9("phq-late", "p1", 18, "2026-02-01"),
        phq9("phq-other-patient", "p2", 3, "2026-02-20"));
  }
}
