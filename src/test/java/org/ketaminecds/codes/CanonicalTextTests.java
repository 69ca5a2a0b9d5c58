package org.ketaminecds.codes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words as EHRs send them, spaced as the rules read them, before anything reads them. */
class CanonicalTextTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "\"Hemorrhagic  CVA\"                | Hemorrhagic CVA",
      "\"Sertraline 50 mg tab   \"         | Sertraline 50 mg tab",
      "\"  F33.1\"                         | F33.1",
      "\"Major depressive disorder,\trecurrent\" | Major depressive disorder, recurrent",
      "\"Cerebral\naneurysm\"              | Cerebral aneurysm",
      "\"in\r\n full remission\"           | in full remission",
      "\"Intracerebral\u00a0hemorrhage\"   | Intracerebral hemorrhage",
      "\"Brain\u2009aneurysm\u202f\"       | Brain aneurysm",
      "\"Schizo\u2013affective disorder\"     | Schizo-affective disorder",
      "\"S\u2011ketamine 56 mg\"              | S-ketamine 56 mg",
      "\"Child\u2010Pugh class C\"            | Child-Pugh class C",
      "\"Pregnant \u2014 no complications\"   | Pregnant - no complications",
      "\"Alzheimer\u2019s disease\"           | Alzheimer's disease"})
  void collapsesWhiteSpaceTrimsBothEndsAndWritesTypographicDashesAndQuotesAsKeyboardCharacters(String sent,
      String read) {
    assertThat(CanonicalText.of(sent)).isEqualTo(read);
  }

  @Test
  void writesTypographicDoubleQuotesAsTheKeyboardCharacter() {
    assertThat(CanonicalText.of("\u201cBPAD\u201d per patient")).isEqualTo("\"BPAD\" per patient");
  }

  @Test
  void leavesWellSpacedTextAsTheSameInstance() {
    var text = "Major depressive disorder, recurrent severe";
    assertThat(CanonicalText.of(text)).isSameAs(text);
    assertThat(CanonicalText.of("x")).isSameAs("x");
    assertThat(CanonicalText.of(null)).isNull();
  }

  @Test
  void makesBlankTextAbsent() {
    assertThat(CanonicalText.of("")).isNull();
    assertThat(CanonicalText.of("   ")).isNull();
    assertThat(CanonicalText.of("\t\n\u00a0")).isNull();
  }

  @Test
  void spacesEveryTextOfAJsonTreeDropsBlankOnesAndKeepsNarrative() throws Exception {
    var tree = MAPPER.readTree("""
        {"resourceType": "Condition", "id": "c1",
          "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">a  b</div>"},
          "code": {"text": "   ", "coding": [{"system": " http://hl7.org/fhir/sid/icd-10-cm ", "code": "I61.9 ",
                                               "display": "Nontraumatic  intracerebral hemorrhage,\\tunspecified"}]},
          "note": [{"text": "Hemorrhagic\\n\\nCVA 2019"}], "extension": [{"url": "x", "valueString": ["a  b", "  "]}]}""");

    CanonicalCodes.normalize(tree);

    assertThat(tree.at("/code").has("text")).as("a blank text is absent").isFalse();
    assertThat(tree.at("/code/coding/0/system").asText()).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(tree.at("/code/coding/0/code").asText()).isEqualTo("I61.9");
    assertThat(tree.at("/code/coding/0/display").asText()).isEqualTo("Nontraumatic intracerebral hemorrhage, unspecified");
    assertThat(tree.at("/note/0/text").asText()).isEqualTo("Hemorrhagic CVA 2019");
    assertThat(tree.at("/text/div").asText()).contains("a  b");
    assertThat(tree.at("/extension/0/valueString/0").asText()).isEqualTo("a b");
    assertThat(tree.at("/extension/0/valueString").size()).as("array items keep their places").isEqualTo(2);
  }

  @Test
  void spacesTheCodingsAndTextsOfAParsedResource() {
    var condition = new Condition();
    condition.setCode(new CodeableConcept().setText("Cerebral   aneurysm ")
        .addCoding(new Coding(" urn:oid:2.16.840.1.113883.6.90", "i67.1  ", "Cerebral  aneurysm,\tnonruptured")));
    condition.addNote(new Annotation().setText("seen\n\nin clinic"));

    CanonicalCodes.normalize(condition);

    var coding = condition.getCode().getCodingFirstRep();
    assertThat(coding.getSystem()).isEqualTo(CanonicalCodes.ICD10CM);
    assertThat(coding.getCode()).isEqualTo("I67.1");
    assertThat(coding.getDisplay()).isEqualTo("Cerebral aneurysm, nonruptured");
    assertThat(condition.getCode().getText()).isEqualTo("Cerebral aneurysm");
    assertThat(condition.getNoteFirstRep().getText()).isEqualTo("seen in clinic");
  }
}
