package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;

/**
 * An ICD-10 (WHO) code is read as the ICD-10-CM code it is written as: the value sets list ICD-10-CM codes, and an
 * interface that labels the US codes with the WHO URI (or a record from outside the US) sends the same code under
 * http://hl7.org/fhir/sid/icd-10.
 */
class Icd10CmCounterpartsTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aWhoIcd10CodingGainsTheSameCodeUnderIcd10CmAfterTheCodingsSent() throws Exception {
    var tree = MAPPER.readTree("""
        {"resourceType": "Condition", "code": {"text": "MDD", "coding": [
          {"system": "urn:oid:2.16.840.1.113883.6.3", "code": "f332", "display": "Recurrent depressive disorder"},
          {"system": "http://snomed.info/sct", "code": "28475009"}]}}""");

    CanonicalCodes.normalize(tree);

    var codings = tree.at("/code/coding");
    assertThat(codings).hasSize(3);
    assertThat(codings.at("/0/system").asText()).isEqualTo(CanonicalCodes.ICD10);
    assertThat(codings.at("/0/code").asText()).isEqualTo("F33.2");
    assertThat(codings.at("/1/code").asText()).isEqualTo("28475009");
    assertThat(codings.at("/2/system").asText()).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(codings.at("/2/code").asText()).isEqualTo("F33.2");
    assertThat(codings.at("/2/display").asText()).isEqualTo("Recurrent depressive disorder");
  }

  @Test
  void nothingIsAddedWhenTheSameIcd10CmCodeIsThereOrTheCodingHasNoCode() throws Exception {
    var tree = MAPPER.readTree("""
        {"a": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I67.1"},
                          {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I671"}]},
         "b": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "display": "Cerebral aneurysm"}]},
         "c": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F33.2"}]}}""");

    CanonicalCodes.normalize(tree);

    assertThat(tree.at("/a/coding")).hasSize(2);
    assertThat(tree.at("/b/coding")).hasSize(1);
    assertThat(tree.at("/c/coding")).hasSize(1);
  }

  @Test
  void aParsedResourcesWhoCodingGainsItsIcd10CmCounterpart() {
    var condition = new Condition();
    condition.setCode(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/icd10", "F3181", "x")));

    CanonicalCodes.normalize(condition);

    assertThat(condition.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CanonicalCodes.ICD10, "F31.81"),
        org.assertj.core.groups.Tuple.tuple(CanonicalCodes.ICD10CM, "F31.81"));
  }
}
