package org.ketaminecds.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the filter keeps, on resources as FHIR JSON (the same rules apply to parsed resources). */
class RelevanceFilterTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final Need SERTRALINE_ORDERS =
      new Need("MedicationRequest", "medication", new CodeSet().add(RXNORM, "312940"), null, false, null);

  @Test
  void keepsRecordsWhoseCodeMatchesAndDropsTheOthersAndTypesNoRetrieveReads() {
    var kept = kept(DataNeeds.of(List.of(SERTRALINE_ORDERS)),
        order("a", "312940", "active"), order("b", "314076", "active"),
        view("{\"resourceType\":\"Procedure\",\"id\":\"c\"}"));
    assertThat(kept).containsExactly("MedicationRequest/a");
  }

  @Test
  void keepsWhatItCannotDecide() {
    var byReference = view("{\"resourceType\":\"MedicationRequest\",\"id\":\"r\",\"status\":\"active\","
        + "\"medicationReference\":{\"reference\":\"Medication/m1\"}}");
    var noType = view("{\"id\":\"x\"}");
    var kept = kept(DataNeeds.of(List.of(SERTRALINE_ORDERS)), byReference, noType);
    assertThat(kept).containsExactly("MedicationRequest/r", null);
  }

  @Test
  void aCodeSetEntryWithoutSystemMatchesThatCodeInAnySystem() {
    var anySystem = new Need("MedicationRequest", "medication", new CodeSet().add(null, "312940"), null, false, null);
    assertThat(kept(DataNeeds.of(List.of(anySystem)), order("a", "312940", "active"))).hasSize(1);
  }

  @Test
  void aWhereTestDropsRecordsItCertainlyRulesOut() {
    var drafts = Need.all("MedicationRequest").withTest(new RecordTest.OneOf("status", Set.of("draft")));
    var kept = kept(DataNeeds.of(List.of(drafts)), order("a", "1", "active"), order("b", "1", "draft"),
        view("{\"resourceType\":\"MedicationRequest\",\"id\":\"c\"}"));
    assertThat(kept).containsExactly("MedicationRequest/b", "MedicationRequest/c");
  }

  @Test
  void anExistenceReadKeepsOneCertainWitnessOfThePatientAndEverythingUncertain() {
    var notDraft = Need.all("MedicationRequest")
        .withTest(new RecordTest.Not(new RecordTest.OneOf("status", Set.of("draft")))).forExistence("subject");
    var otherPatient = view("{\"resourceType\":\"MedicationRequest\",\"id\":\"o\",\"status\":\"active\","
        + "\"subject\":{\"reference\":\"Patient/someone-else\"}}");
    var kept = kept(DataNeeds.of(List.of(notDraft)), otherPatient, order("a", "1", "active"),
        order("b", "1", "active"), order("d", "1", "draft"));
    assertThat(kept).containsExactly("MedicationRequest/o", "MedicationRequest/a");
  }

  @Test
  void aDraftThatMayReplaceARecordIsNeverTheWitness() {
    var any = Need.all("MedicationDispense").forExistence("subject");
    var first = view("{\"resourceType\":\"MedicationDispense\",\"id\":\"1\",\"subject\":{\"reference\":\"Patient/p\"}}");
    var second = view("{\"resourceType\":\"MedicationDispense\",\"id\":\"2\",\"subject\":{\"reference\":\"Patient/p\"}}");
    var third = view("{\"resourceType\":\"MedicationDispense\",\"id\":\"3\",\"subject\":{\"reference\":\"Patient/p\"}}");
    var keep = RelevanceFilter.keep(List.of(first, second, third), DataNeeds.of(List.of(any)), "p", Set.of(),
        Set.of("MedicationDispense/1"));
    assertThat(RelevanceFilter.select(List.of("1", "2", "3"), keep)).containsExactly("1", "2");
  }

  @Test
  void typesToKeepAndTheFilterOffKeepEverything() {
    var medication = view("{\"resourceType\":\"Medication\",\"id\":\"m\"}");
    var keep = RelevanceFilter.keep(List.of(medication), DataNeeds.of(List.of()), "p", Set.of("Medication"), Set.of());
    assertThat(keep.cardinality()).isEqualTo(1);
    assertThat(kept(DataNeeds.everything(), medication, order("a", "1", "active"))).hasSize(2);
  }

  private static List<String> kept(DataNeeds needs, JsonResourceView... views) {
    var keep = RelevanceFilter.keep(List.of(views), needs, "p", Set.of(), Set.of());
    return RelevanceFilter.select(List.of(views), keep).stream().map(JsonResourceView::key).toList();
  }

  static JsonResourceView order(String id, String rxnorm, String status) {
    return view("{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\"" + status + "\","
        + "\"subject\":{\"reference\":\"Patient/p\"},\"medicationCodeableConcept\":{\"coding\":[{\"system\":\""
        + RXNORM + "\",\"code\":\"" + rxnorm + "\"}]}}");
  }

  static JsonResourceView view(String json) {
    try {
      return new JsonResourceView(JSON.readTree(json));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
