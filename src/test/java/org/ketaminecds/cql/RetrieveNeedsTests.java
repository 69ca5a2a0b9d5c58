package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.MedicationStatement.MedicationStatementStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** The resource filter's needs, derived from ELM: what each shape of retrieve keeps, and that answers do not change. */
class RetrieveNeedsTests {

  private static final String CONTENT = "classpath:relevance-fixtures/";
  private static final String LIBRARY = "FilterRules";
  private static final CqlLibraries LIBRARIES = CqlFixtures.load(CONTENT, Map.of());
  private static final Set<String> ALL_DEFINES = Set.of("Patient Id", "Antidepressant Orders", "Systolic Readings",
      "Draft Orders", "Has Dispense", "Has Statement Not In Error", "Allergies Naming Ketamine", "Extra Conditions");

  private final EngineCqlEvaluator filtered = new EngineCqlEvaluator(LIBRARIES, CqlFixtures.FHIR);
  private final EngineCqlEvaluator unfiltered = new EngineCqlEvaluator(LIBRARIES, CqlFixtures.FHIR, false);

  @Test
  void onlyTheTypesTheRequestedDefinesRetrieveAreNeeded() {
    assertThat(filtered.dataNeeds(LIBRARY, Set.of("Antidepressant Orders")).types())
        .containsExactly("MedicationRequest");
    assertThat(filtered.dataNeeds(LIBRARY, ALL_DEFINES).types()).containsExactlyInAnyOrder("Patient",
        "MedicationRequest", "Observation", "MedicationDispense", "MedicationStatement", "AllergyIntolerance");
  }

  @Test
  void aBranchRuledOutByASiteConstantIsNotFollowedAndIsWhenTheSiteTurnsItOn() {
    assertThat(filtered.dataNeeds(LIBRARY, Set.of("Extra Conditions")).types()).isEmpty();
    var site = CqlFixtures.load(CONTENT, Map.of("Check Extra Conditions", "true"));
    assertThat(new EngineCqlEvaluator(site, CqlFixtures.FHIR).dataNeeds(LIBRARY, Set.of("Extra Conditions")).types())
        .containsExactly("Condition");
  }

  @Test
  void theFilterOffNeedsEverything() {
    assertThat(unfiltered.dataNeeds(LIBRARY, ALL_DEFINES).filters()).isFalse();
  }

  @Test
  void keepsWhatARetrieveCanMatchAndOneWitnessPerExistenceRead() {
    var chart = chart();
    var kept = filtered.relevant(request(chart, ALL_DEFINES)).stream().map(r -> r.getIdElement().getIdPart()).toList();
    assertThat(kept).containsExactly("p1", "sertraline-active", "other-draft", "systolic", "dispense-1",
        "statement-in-error-unknown-first", "statement-active-1", "allergy");
  }

  @Test
  void answersAreTheSameWithAndWithoutTheFilter() {
    var request = request(chart(), ALL_DEFINES);
    assertThat(filtered.relevant(request)).hasSizeLessThan(request.resources().size());
    assertThat(filtered.evaluate(request)).isEqualTo(unfiltered.evaluate(request));
  }

  @Test
  void aRequestThatSetsAParameterItselfIsFilteredWithoutTheConstantsThatReadIt() {
    // "Extra Flag" reads the parameter: constant for the site (false, so no condition is needed), not for this call
    assertThat(filtered.dataNeeds(LIBRARY, Set.of("Extra Conditions"), Set.of("Check Extra Conditions")).types())
        .containsExactly("Condition");
    var chart = chart();
    var condition = new org.hl7.fhir.r4.model.Condition();
    condition.setId("condition-1");
    condition.setSubject(new Reference("Patient/p1"));
    chart.add(condition);
    var request = new EvaluationRequest(LIBRARY, "p1", chart, ALL_DEFINES, Map.of("Check Extra Conditions", true),
        ZonedDateTime.now());

    var kept = filtered.relevant(request).stream().map(r -> r.getIdElement().getIdPart()).toList();

    assertThat(kept).contains("condition-1").doesNotContain("lisinopril-active", "heart-rate");
    var answers = filtered.evaluate(request);
    assertThat(answers).isEqualTo(unfiltered.evaluate(request));
    assertThat((List<?>) answers.values().get("Extra Conditions")).isNotEmpty();
  }

  private static EvaluationRequest request(List<Resource> chart, Set<String> defines) {
    return new EvaluationRequest(LIBRARY, "p1", chart, defines, Map.of(), ZonedDateTime.now());
  }

  private static List<Resource> chart() {
    List<Resource> chart = new ArrayList<>();
    chart.add(CqlFixtures.patient("p1"));
    chart.add(order("sertraline-active", CqlFixtures.SERTRALINE, MedicationRequestStatus.ACTIVE));
    chart.add(order("lisinopril-active", "314076", MedicationRequestStatus.ACTIVE));
    chart.add(order("other-draft", "314076", MedicationRequestStatus.DRAFT));
    chart.add(observation("systolic", "8480-6"));
    chart.add(observation("heart-rate", "8867-4"));
    for (int i = 1; i <= 3; i++) {
      var dispense = new MedicationDispense();
      dispense.setId("dispense-" + i);
      dispense.setSubject(new Reference("Patient/p1"));
      chart.add(dispense);
    }
    var unknown = new MedicationStatement();
    unknown.setId("statement-in-error-unknown-first"); // no status: the filter cannot tell, so it is kept
    unknown.setSubject(new Reference("Patient/p1"));
    chart.add(unknown);
    chart.add(statement("statement-in-error", MedicationStatementStatus.ENTEREDINERROR));
    chart.add(statement("statement-active-1", MedicationStatementStatus.ACTIVE));
    chart.add(statement("statement-active-2", MedicationStatementStatus.ACTIVE));
    var allergy = new AllergyIntolerance();
    allergy.setId("allergy");
    allergy.setPatient(new Reference("Patient/p1"));
    allergy.setCode(new CodeableConcept().setText("Ketamine"));
    chart.add(allergy);
    var procedure = new Procedure();
    procedure.setId("procedure");
    procedure.setSubject(new Reference("Patient/p1"));
    chart.add(procedure);
    chart.add(CqlFixtures.condition("condition", "p1", CqlFixtures.ICD10, "I10"));
    return chart;
  }

  private static MedicationRequest order(String id, String rxnorm, MedicationRequestStatus status) {
    var order = CqlFixtures.medicationRequest(id, "p1", rxnorm, "2024-01-01");
    order.setStatus(status);
    return order;
  }

  private static Observation observation(String id, String loinc) {
    var observation = new Observation();
    observation.setId(id);
    observation.setSubject(new Reference("Patient/p1"));
    observation.setCode(new CodeableConcept().addCoding(new Coding(CqlFixtures.LOINC, loinc, null)));
    return observation;
  }

  private static MedicationStatement statement(String id, MedicationStatementStatus status) {
    var statement = new MedicationStatement();
    statement.setId(id);
    statement.setSubject(new Reference("Patient/p1"));
    statement.setStatus(status);
    return statement;
  }
}
