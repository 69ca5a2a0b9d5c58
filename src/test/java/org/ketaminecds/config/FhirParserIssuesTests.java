package org.ketaminecds.config;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.ketaminecds.config.FhirParserIssues.Kind;

/**
 * One malformed value in a record an EHR sends (a date "2024-13-45", a status "Active", a dose "ten") costs that value,
 * not the record and not the list it came in: before, it failed the whole prefetch key, so a request without
 * fhirServer was a 412 and every card was lost, the aneurysm's critical one with it.
 */
class FhirParserIssuesTests {

  private static final String BUNDLE = """
      {"resourceType": "Bundle", "type": "searchset", "entry": [
        {"resource": {"resourceType": "MedicationRequest", "id": "bad", "status": "Active", "intent": "order",
          "authoredOn": "2024-13-45", "subject": {"reference": "Patient/p1"},
          "medicationCodeableConcept": {"text": "sertraline 100 mg tablet"},
          "dosageInstruction": [{"doseAndRate": [{"doseQuantity": {"value": "ten", "unit": "mg"}}]}]}},
        {"resource": {"resourceType": "Condition", "id": "aneurysm", "subject": {"reference": "Patient/p1"},
          "onsetDateTime": "12/01/2020",
          "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I67.1"}]}}}]}
      """;

  private final FhirParserIssues issues = new FhirParserIssues();

  @Test
  void keepsEveryRecordOfAListWithMalformedValuesAndLeavesOutOnlyThoseValues() {
    issues.drainThisThread();

    var bundle = parser().parseResource(Bundle.class, BUNDLE);

    assertThat(bundle.getEntry()).hasSize(2);
    var request = (MedicationRequest) bundle.getEntry().get(0).getResource();
    assertThat(request.getStatus()).isNull();
    assertThat(request.getAuthoredOn()).isNull();
    assertThat(request.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
    assertThat(request.getMedicationCodeableConcept().getText()).isEqualTo("sertraline 100 mg tablet");
    assertThat(request.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getValue()).isNull();
    var condition = (Condition) bundle.getEntry().get(1).getResource();
    assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("I67.1");
    assertThat(condition.getOnsetDateTimeType().getValue()).isNull();
    assertThat(issues.drainThisThread()).containsEntry(Kind.INVALID_VALUE, 4);
  }

  /** A context of its own: the process-wide cached one keeps whichever handler was set on it last. */
  private IParser parser() {
    var context = FhirContext.forR4();
    context.setParserErrorHandler(issues);
    return context.newJsonParser();
  }
}
