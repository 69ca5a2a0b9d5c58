package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Codes as EHRs send them, written as the value sets write them. */
class CanonicalCodesTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void namesACodeSystemSentByItsOidByItsFhirUri() {
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.88"))
        .isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.96")).isEqualTo("http://snomed.info/sct");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.1")).isEqualTo("http://loinc.org");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.4.9")).isEqualTo("http://fdasis.nlm.nih.gov");
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.90")).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.3")).isEqualTo(CanonicalCodes.ICD10);
    assertThat(CanonicalCodes.system("http://terminology.hl7.org/CodeSystem/icd10")).isEqualTo(CanonicalCodes.ICD10);
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.103")).isEqualTo(CanonicalCodes.ICD9CM);
    assertThat(CanonicalCodes.system("urn:oid:2.16.840.1.113883.6.2")).isEqualTo(CanonicalCodes.ICD9CM);
    assertThat(CanonicalCodes.system("http://terminology.hl7.org/CodeSystem/icd9cm")).isEqualTo(CanonicalCodes.ICD9CM);
    assertThat(CanonicalCodes.code(CanonicalCodes.ICD9CM, "4373")).isEqualTo("4373"); // ICD-9-CM codes stay as sent
    assertThat(CanonicalCodes.system("urn:oid:1.2.3.4")).isEqualTo("urn:oid:1.2.3.4");
    assertThat(CanonicalCodes.system(null)).isNull();
  }

  /**
   * A code system named by a bare OID (a CDA codeSystem attribute), a DICOM PS3.16 / HL7 v2 table 0396 designator or
   * its title gets its FHIR URI; designators of other systems (ICD-10-PCS, WHO ICD-9, SNOMED RT) and unknown names stay.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2.16.840.1.113883.6.90, http://hl7.org/fhir/sid/icd-10-cm",
      "2.16.840.1.113883.6.96, http://snomed.info/sct",
      "2.16.840.1.113883.6.103, http://hl7.org/fhir/sid/icd-9-cm",
      "2.16.840.1.113883.6.88, http://www.nlm.nih.gov/research/umls/rxnorm",
      "1.2.3.4, 1.2.3.4",
      "I10C, http://hl7.org/fhir/sid/icd-10-cm",
      "ICD-10-CM, http://hl7.org/fhir/sid/icd-10-cm",
      "icd10cm, http://hl7.org/fhir/sid/icd-10-cm",
      "I10, http://hl7.org/fhir/sid/icd-10",
      "ICD-10, http://hl7.org/fhir/sid/icd-10",
      "I9C, http://hl7.org/fhir/sid/icd-9-cm",
      "ICD-9-CM, http://hl7.org/fhir/sid/icd-9-cm",
      "SCT, http://snomed.info/sct",
      "SNOMED CT, http://snomed.info/sct",
      "SNOMED-CT, http://snomed.info/sct",
      "RxNorm, http://www.nlm.nih.gov/research/umls/rxnorm",
      "LN, http://loinc.org",
      "NDC, http://hl7.org/fhir/sid/ndc",
      "I10P, I10P",
      "I9, I9",
      "SRT, SRT",
      "SNM3, SNM3",
      "LOCAL, LOCAL",
      "urn:local:I10C, urn:local:I10C"})
  void namesACodeSystemSentByABareOidADesignatorOrItsTitleByItsFhirUri(String sent, String named) {
    assertThat(CanonicalCodes.system(sent)).isEqualTo(named);
  }

  /**
   * A SNOMED CT edition URI sent as the system (the US Edition, the International Edition, with or without its
   * version date) names SNOMED CT: FHIR puts the edition in Coding.version, http://snomed.info/sct is the system.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "http://snomed.info/sct/731000124108, http://snomed.info/sct",
      "http://snomed.info/sct/900000000000207008, http://snomed.info/sct",
      "http://snomed.info/sct/731000124108/version/20250301, http://snomed.info/sct",
      "http://snomed.info/sct/, http://snomed.info/sct",
      "http://snomed.info/sct/local-extension, http://snomed.info/sct/local-extension",
      "http://snomed.info/id/22298006, http://snomed.info/id/22298006"})
  void namesSnomedCtSentByAnEditionUriByItsSystemUri(String sent, String named) {
    assertThat(CanonicalCodes.system(sent)).isEqualTo(named);
  }

  /** ICD-10-CM as claims and problem lists write it (no dot, lower case) becomes ICD-10-CM as the value sets do. */
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "http://hl7.org/fhir/sid/icd-10-cm, I671, I67.1",
      "http://hl7.org/fhir/sid/icd-10-cm, F332, F33.2",
      "http://hl7.org/fhir/sid/icd-10-cm, S06360A, S06.360A",
      "http://hl7.org/fhir/sid/icd-10-cm, I67.1, I67.1",
      "http://hl7.org/fhir/sid/icd-10-cm, F32, F32", // a category alone has no dot
      "http://hl7.org/fhir/sid/icd-10-cm, f20.9, F20.9",
      "http://hl7.org/fhir/sid/icd-10-cm, o09.91, O09.91",
      "http://hl7.org/fhir/sid/icd-10-cm, i671, I67.1",
      "http://hl7.org/fhir/sid/icd-10-cm, s06.360a, S06.360A",
      "http://hl7.org/fhir/sid/icd-10-cm, f32, F32",
      "http://hl7.org/fhir/sid/icd-10-cm, I67.1-local, I67.1-local", // not shaped like an ICD-10-CM code
      "http://hl7.org/fhir/sid/icd-10-cm, schizophrenia, schizophrenia",
      "http://hl7.org/fhir/sid/icd-10, I713, I71.3", // ICD-10 (WHO) the same way
      "http://hl7.org/fhir/sid/icd-10, q28.2, Q28.2",
      "http://hl7.org/fhir/sid/icd-10, I67.1, I67.1",
      "http://snomed.info/sct, 4448431, 4448431",
      "http://loinc.org, la15173-0, la15173-0"}) // other systems as sent
  void writesAnIcd10CmCodeAsTheValueSetsDo(String system, String sent, String written) {
    assertThat(CanonicalCodes.code(system, sent)).isEqualTo(written);
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
