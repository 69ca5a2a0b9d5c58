package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ketaminecds.cql.CqlFixtures.ICD10;
import static org.ketaminecds.cql.CqlFixtures.RXNORM;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.terminology.ValueSetInfo;

class InMemoryTerminologyProviderTests {

  private static final String BASE = "http://ketamine-cds.org/fhir/ValueSet/";

  private static final String EXPANDED = """
      {"resourceType": "ValueSet", "url": "%santidepressants", "status": "active",
       "expansion": {"timestamp": "2026-01-01", "contains": [
         {"system": "%s", "code": "312940", "display": "sertraline 50 MG Oral Tablet"},
         {"system": "%s", "code": "351250"}]}}
      """.formatted(BASE, RXNORM, RXNORM);
  private static final String COMPOSED = """
      {"resourceType": "ValueSet", "url": "%sdepression", "status": "active",
       "compose": {"include": [{"system": "%s", "concept": [{"code": "F33.2"}, {"code": "F32.2"}]}]}}
      """.formatted(BASE, ICD10);
  private static final String NESTED = """
      {"resourceType": "ValueSet", "url": "%smood", "status": "active",
       "compose": {"include": [{"valueSet": ["%sdepression|1.0.0"]}, {"system": "%s", "concept": [{"code": "F31.9"}]}],
                   "exclude": [{"system": "%s", "concept": [{"code": "F32.2"}]}]}}
      """.formatted(BASE, BASE, ICD10, ICD10);
  // a published eCQM value set keeps its (malformed) url: it is found by that url, not by its file name
  private static final String MALFORMED_URL = """
      {"resourceType": "ValueSet", "url": "http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.113883.3.67.1.101.3.2444",
       "status": "active", "expansion": {"timestamp": "2025-01-01", "contains": [{"system": "%s", "code": "F33.1"}]}}
      """.formatted(ICD10);

  private final Vocabulary vocabulary = new VocabularyLoader(CqlFixtures.FHIR).load(Map.of(
      "vocabulary/ValueSet-antidepressants.json", EXPANDED,
      "vocabulary/ValueSet-depression.json", COMPOSED,
      "vocabulary/ValueSet-mood.json", NESTED,
      "vocabulary/ValueSet-2.16.840.1.113883.3.67.1.101.3.2444.json", MALFORMED_URL));
  private final InMemoryTerminologyProvider terminology = new InMemoryTerminologyProvider(vocabulary.codes());

  @Test
  void findsCodesOfAnExpansion() {
    assertThat(terminology.in(code(RXNORM, "312940"), valueSet("antidepressants"))).isTrue();
    assertThat(terminology.in(code(RXNORM, "999999"), valueSet("antidepressants"))).isFalse();
    assertThat(terminology.in(code("http://snomed.info/sct", "312940"), valueSet("antidepressants"))).isFalse();
  }

  @Test
  void findsCodesOfACompose() {
    assertThat(terminology.in(code(ICD10, "F33.2"), valueSet("depression"))).isTrue();
    assertThat(terminology.in(code(ICD10, "F31.9"), valueSet("depression"))).isFalse();
  }

  @Test
  void resolvesAComposeThatIncludesAnotherShippedValueSet() {
    assertThat(terminology.in(code(ICD10, "F33.2"), valueSet("mood"))).isTrue();
    assertThat(terminology.in(code(ICD10, "F31.9"), valueSet("mood"))).isTrue();
    assertThat(terminology.in(code(ICD10, "F32.2"), valueSet("mood"))).as("excluded").isFalse();
    assertThat(vocabulary.problems()).isEmpty();
  }

  @Test
  void keysValueSetsByTheirPublishedUrl() {
    var malformed = new ValueSetInfo().withId("http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.113883.3.67.1.101.3.2444");

    assertThat(terminology.in(code(ICD10, "F33.1"), malformed)).isTrue();
    assertThat(vocabulary.codes()).doesNotContainKey("http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.67.1.101.3.2444");
  }

  @Test
  void expandsToTheCodesWithTheirDisplay() {
    assertThat(terminology.expand(valueSet("antidepressants")))
        .extracting(Code::getCode, Code::getDisplay)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("312940", "sertraline 50 MG Oral Tablet"),
            org.assertj.core.groups.Tuple.tuple("351250", null));
  }

  @Test
  void ignoresTheVersionOfAValueSetReference() {
    assertThat(terminology.in(code(ICD10, "F33.2"), new ValueSetInfo().withId(BASE + "depression|2024"))).isTrue();
  }

  @Test
  void looksUpNothing() {
    assertThat(terminology.lookup(code(ICD10, "F33.2"), null)).isNull();
  }

  @Test
  void refusesAnUnknownValueSet() {
    assertThatThrownBy(() -> terminology.in(code(ICD10, "F33.2"), valueSet("unknown")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAComposeThatNamesAValueSetNotShipped() {
    Vocabulary broken = new VocabularyLoader(CqlFixtures.FHIR).load(Map.of("vocabulary/ValueSet-mood.json", NESTED));

    assertThat(broken.problems()).extracting(CqlContentProblem::toString)
        .containsExactly("vocabulary/ValueSet-mood.json: compose.include[0].valueSet[0]: '" + BASE + "depression' is not in vocabulary/");
  }

  @Test
  void reportsAComposeThatCannotBeExpandedInMemory() {
    Vocabulary filtered = new VocabularyLoader(CqlFixtures.FHIR).load(Map.of("vocabulary/ValueSet-f.json", """
        {"resourceType": "ValueSet", "url": "%sf", "status": "active",
         "compose": {"include": [{"system": "%s", "filter": [{"property": "concept", "op": "is-a", "value": "F32"}]}]}}
        """.formatted(BASE, ICD10)));

    assertThat(filtered.problems()).extracting(CqlContentProblem::toString)
        .singleElement().asString().startsWith("vocabulary/ValueSet-f.json: compose.include[0]: filters");
  }

  private static Code code(String system, String code) {
    return new Code().withSystem(system).withCode(code);
  }

  private static ValueSetInfo valueSet(String name) {
    return new ValueSetInfo().withId(BASE + name);
  }
}
