package org.ketaminecds.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The filter's copy of the content's medication text: what it reads from JSON and when a record may match. */
class ConceptTextTests {

  private static final Pattern ZOLPIDEM = Pattern.compile("(?s).*\\b(zolpidem|ambien)\\b.*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNameInTheConceptTextOrAnyCodingDisplayMayMatchInAnyCase() {
    assertThat(ConceptText.mayMatch(Arrays.asList("Ambien 10 mg at night", null), ZOLPIDEM)).isTrue();
    assertThat(ConceptText.mayMatch(Arrays.asList(null, "ZOLPIDEM TARTRATE 10 MG Oral Tablet"), ZOLPIDEM)).isTrue();
    assertThat(ConceptText.mayMatch(Arrays.asList("Lisinopril 10 mg", "lisinopril 10 MG Oral Tablet"), ZOLPIDEM))
        .isFalse();
    assertThat(ConceptText.mayMatch(java.util.List.of(), ZOLPIDEM)).isFalse();
  }

  @Test
  void aPatternSpanningTwoPartsMatchesWhicheverWayDuplicatesWereRemoved() {
    Pattern blue = Pattern.compile("(?s).*\\bmethylene blue\\b.*");
    assertThat(ConceptText.mayMatch(Arrays.asList("Methylene", "METHYLENE", "blue"), blue)).isTrue();
  }

  @Test
  void jsonTextsAreTheConceptTextThenEachDisplayAndAReferenceIsUndecided() throws Exception {
    var coded = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationStatement","medicationCodeableConcept":{"text":"Ambien",
         "coding":[{"system":"s","code":"1","display":"zolpidem 10 MG"},{"code":"2"}]}}"""));
    assertThat(coded.texts("medication")).containsExactly("Ambien", "zolpidem 10 MG");
    var referenced = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationRequest","medicationReference":{"reference":"Medication/m1","display":"Ambien"}}"""));
    assertThat(referenced.texts("medication")).isNull();
    var none = new JsonResourceView(JSON.readTree("{\"resourceType\":\"MedicationRequest\"}"));
    assertThat(none.texts("medication")).isEmpty();
    var odd = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationRequest","medicationCodeableConcept":{"text":{"value":"Ambien"}}}"""));
    assertThat(odd.texts("medication")).isNull();
  }

  @Test
  void aTextTestIsUnknownWhereTextsCannotBeReadSoTheRecordIsKept() throws Exception {
    var test = new RecordTest.TextMatches("medication", ZOLPIDEM);
    var referenced = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationRequest","medicationReference":{"reference":"Medication/m1"}}"""));
    assertThat(test.on(referenced)).isEqualTo(Truth.UNKNOWN);
    var other = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationRequest","medicationCodeableConcept":{"text":"Lisinopril"}}"""));
    assertThat(test.on(other)).isEqualTo(Truth.FALSE);
    var gatedByIf = new RecordTest.Any(java.util.List.of(
        new RecordTest.All(java.util.List.of(new RecordTest.OneOf("status", java.util.Set.of("active")), test)),
        new RecordTest.All(java.util.List.of(new RecordTest.Not(new RecordTest.OneOf("status",
            java.util.Set.of("active"))), new RecordTest.Fixed(false)))));
    var activeOther = new JsonResourceView(JSON.readTree("""
        {"resourceType":"MedicationRequest","status":"active","medicationCodeableConcept":{"text":"Lisinopril"}}"""));
    assertThat(gatedByIf.on(activeOther)).isEqualTo(Truth.FALSE);
  }
}
