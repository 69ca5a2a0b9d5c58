package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.ketaminecds.config.FhirParserIssues;

/** A value the parser could not read is left out entirely; the record and its other values stay. */
class MalformedValuesTests {

  private static final String BUNDLE = """
      {"resourceType": "Bundle", "type": "searchset", "entry": [
        {"resource": {"resourceType": "MedicationRequest", "id": "mr", "status": "Active", "intent": "order",
          "authoredOn": "2024-13-45", "medicationCodeableConcept": {"text": "sertraline 100 mg tablet"},
          "contained": [{"resourceType": "Medication", "id": "m", "status": "ACTIVE"}]}},
        {"resource": {"resourceType": "Condition", "id": "c", "onsetDateTime": "12/01/2020",
          "recordedDate": "2020-12-01",
          "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I67.1"}]}}}]}
      """;

  @Test
  void clearsTheTextHapiKeepsBesideAValueItCouldNotRead() {
    var bundle = MalformedValues.readWithout(() -> parser().parseResource(Bundle.class, BUNDLE));

    var request = (MedicationRequest) bundle.getEntry().get(0).getResource();
    assertThat(request.getStatusElement().getValueAsString()).isNull();
    assertThat(request.getAuthoredOnElement().getValueAsString()).isNull();
    assertThat(request.getAuthoredOnElement().hasValue()).isFalse();
    assertThat(request.getContained()).singleElement()
        .satisfies(m -> assertThat(((org.hl7.fhir.r4.model.Medication) m).getStatusElement().getValueAsString())
            .as("contained resources too").isNull());
    assertThat(request.getIntentElement().getValueAsString()).isEqualTo("order");
    assertThat(request.getMedicationCodeableConcept().getText()).isEqualTo("sertraline 100 mg tablet");
    var condition = (Condition) bundle.getEntry().get(1).getResource();
    assertThat(condition.getOnsetDateTimeType().getValueAsString()).isNull();
    assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo("2020-12-01");
    assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("I67.1");
  }

  @Test
  void leavesAResourceWhoseParseFoundNothingWrongAsParsed() {
    var json = BUNDLE.replace("\"Active\"", "\"active\"").replace("2024-13-45", "2024-12-31")
        .replace("12/01/2020", "2020-12-01").replace("\"ACTIVE\"", "\"active\"");

    var bundle = MalformedValues.readWithout(() -> parser().parseResource(Bundle.class, json));

    var request = (MedicationRequest) bundle.getEntry().get(0).getResource();
    assertThat(request.getAuthoredOnElement().getValueAsString()).isEqualTo("2024-12-31");
    assertThat(request.getStatusElement().getValueAsString()).isEqualTo("active");
  }

  /** A context of its own: the process-wide cached one keeps whichever handler was set on it last. */
  private static final FhirContext FHIR = FhirContext.forR4();

  static {
    FHIR.setParserErrorHandler(new FhirParserIssues());
  }

  private static ca.uhn.fhir.parser.IParser parser() {
    return FHIR.newJsonParser();
  }
}
