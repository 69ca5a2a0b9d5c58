package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;

/** Codes as EHRs send them, written as the value sets write them. */
class CanonicalCodesTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void namesACodeSystemSentByItsOidByItsFhirUri() {
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.88"))
        .isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.96")).isEqualTo("http://snomed.info/sct");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.1")).isEqualTo("http://loinc.org");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.90")).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(CanonicalCodes.system("urn:oid:1.2.3.4")).isEqualTo("urn:oid:1.2.3.4");
    assertThat(CanonicalCodes.system(null)).isNull();
  }

  @Test
  void writesAnIcd10CmCodeWithItsDotAfterTheCategory() {
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "I671")).isEqualTo("I67.1");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "F332")).isEqualTo("F33.2");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "S06360A")).isEqualTo("S06.360A");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "I67.1")).isEqualTo("I67.1");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "F32")).as("a category alone has no dot").isEqualTo("F32");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "I67.1-local")).as("not an ICD-10-CM code")
        .isEqualTo("I67.1-local");
    assertThat(CanonicalCodes.code("http://snomed.info/sct", "4448431")).isEqualTo("4448431");
  }

  @Test
  void writesAnIcd10CmCodeSentInLowerCaseInCapitals() {
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "f20.9")).isEqualTo("F20.9");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "o09.91")).isEqualTo("O09.91");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "i671")).isEqualTo("I67.1");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "s06.360a")).isEqualTo("S06.360A");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "f32")).isEqualTo("F32");
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD10CM, "schizophrenia")).as("not a code")
        .isEqualTo("schizophrenia");
    assertThat(CanonicalCodes.code("http://loinc.org", "la15173-0")).as("other systems as sent").isEqualTo("la15173-0");
  }

  @Test
  void rewritesEveryCodingOfAJsonTreeInPlaceAndNothingElse() throws Exception {
    var tree = MAPPER.readTree("""
        {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Condition", "id": "I671",
          "code": {"text": "I671", "coding": [{"system": "urn:oid:2.16.840.1.113883.6.90", "code": "I671"},
                                              {"system": "http://snomed.info/sct", "code": "128609009"}]},
          "identifier": [{"system": "urn:oid:1.2.3", "value": "F332"}]}}]}""");

    CanonicalCodes.normalize(tree);

    var condition = tree.at("/entry/0/resource");
    assertThat(condition.at("/code/coding/0/system").asText()).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(condition.at("/code/coding/0/code").asText()).isEqualTo("I67.1");
    assertThat(condition.at("/code/coding/1/code").asText()).isEqualTo("128609009");
    assertThat(condition.at("/code/text").asText()).isEqualTo("I671");
    assertThat(condition.at("/id").asText()).isEqualTo("I671");
    assertThat(condition.at("/identifier/0/value").asText()).isEqualTo("F332");
  }

  @Test
  void rewritesEveryCodingOfAParsedBundlesResources() {
    var condition = new Condition();
    condition.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
        "urn:oid:2.16.840.1.113883.6.90", "F332", null)));
    condition.getCategoryFirstRep().addCoding().setSystem("urn:oid:2.16.840.1.113883.6.96").setCode("439401001");

    var bundle = new org.hl7.fhir.r4.model.Bundle();
    bundle.addEntry().setResource(condition);

    CanonicalCodes.normalize(bundle);

    assertThat(condition.getCode().getCodingFirstRep().getSystem()).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(condition.getCode().getCodingFirstRep().getCode()).isEqualTo("F33.2");
    assertThat(condition.getCategoryFirstRep().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
  }
}
