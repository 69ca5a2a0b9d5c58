package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ketaminecds.contenttest.SameMeaning.Compared;

/** Names, statuses and results in words as people and interfaces type them. */
final class TextForms {

  private TextForms() {}

  static final List<SameMeaning> FORMS = List.of(
  /**
   * Every display and every text in capitals ("SERTRALINE HCL 50 MG TAB", "TAKE 1 TABLET BY MOUTH DAILY"), as pharmacy
   * and older systems write names and directions. Names are read without regard to case: the same cards must fire
   * (their text may name the record in capitals).
   */
  new SameMeaning("NAMES_IN_CAPITALS", Compared.RULES, request -> {
    request.path("prefetch").forEach(list -> words(list, RequestTrees::capitals));
    words(request.path("context").path("draftOrders"), RequestTrees::capitals);
  }),
  /**
   * Every display and text with its words two spaces apart and a trailing space ("Sertraline  50  mg  tablet "), as
   * fixed-width pharmacy names and pasted text arrive. Names are read word by word: the same rules must fire.
   */
  new SameMeaning("NAMES_WITH_WIDE_SPACES", Compared.RULES, request -> {
    request.path("prefetch").forEach(list -> words(list, text -> text.replace(" ", "  ") + " "));
    words(request.path("context").path("draftOrders"), text -> text.replace(" ", "  ") + " ");
  }),
  /**
   * Every hyphen of a name or text as an en dash and every apostrophe as a typographic one ("Schizo\u2013affective",
   * "Alzheimer\u2019s"), as text typed in a word processor or pasted from a letter arrives. The same rules must fire.
   */
  new SameMeaning("NAMES_WITH_TYPOGRAPHIC_DASHES_AND_QUOTES", Compared.RULES, request -> {
    java.util.function.UnaryOperator<String> typographic = text -> text.replace('-', '\u2013').replace('\'', '\u2019');
    request.path("prefetch").forEach(list -> words(list, typographic));
    words(request.path("context").path("draftOrders"), typographic);
  }),
  /**
   * Condition.clinicalStatus as text only ("Active"), as C-CDA conversions send it: the condition-clinical code
   * capitalised, or, when the status carries no condition-clinical coding (a C-CDA Problem Status SNOMED CT coding
   * only), the first coding's display ("Problem resolved"), never a SNOMED CT code as words.
   */
  new SameMeaning("CONDITION_STATUS_AS_TEXT", Compared.SUMMARIES, request -> resources(request, "Condition", condition -> {
    var codings = condition.path("clinicalStatus").path("coding");
    String words = "";
    for (var coding : codings) {
      if (coding.path("system").asText().endsWith("/condition-clinical") && !coding.path("code").asText().isEmpty()) {
        var code = coding.path("code").asText();
        words = Character.toUpperCase(code.charAt(0)) + code.substring(1);
        break;
      }
    }
    if (words.isEmpty()) { // a local status code means what its display says ("R" / "Resolved")
      words = codings.path(0).path("display").asText(codings.path(0).path("code").asText());
    }
    if (!words.isEmpty()) {
      condition.putObject("clinicalStatus").put("text", words);
    }
  })),
  /**
   * Condition.verificationStatus and AllergyIntolerance.clinicalStatus and verificationStatus as text only, in words
   * ("Entered in Error", "Refuted", "Resolved"; FHIR R4 types them as CodeableConcept), as interfaces and C-CDA
   * conversions send them. Before, a refuted aneurysm or an allergy entered in error sent so gave the critical card.
   */
  new SameMeaning("VERIFICATION_AND_ALLERGY_STATUSES_AS_TEXT", Compared.SUMMARIES, request -> {
    resources(request, "Condition", condition -> statusAsWords(condition, "verificationStatus"));
    resources(request, "AllergyIntolerance", allergy -> {
      statusAsWords(allergy, "clinicalStatus");
      statusAsWords(allergy, "verificationStatus");
    });
  }),
  /**
   * Every condition and observation category sent as words only (its display, the codings dropped: "Problem List
   * Item", "Vital Signs"), as C-CDA conversions and local category tables send them. The same rules must fire.
   */
  new SameMeaning("CATEGORIES_AS_TEXT_ONLY", Compared.SUMMARIES, request -> List.of("Condition", "Observation").forEach(type -> resources(request, type,
      record -> record.path("category").forEach(category -> {
        var words = category.path("text").asText(category.path("coding").path(0).path("display").asText(""));
        if (!words.isEmpty() && category instanceof ObjectNode object) {
          object.remove("coding");
          object.put("text", words);
        }
      })))),
  /**
   * Every coded result (Observation.valueCodeableConcept: a pregnancy test "Positive") sent as its words in
   * valueString, as laboratory interfaces that report text results send it. The same rules must fire.
   */
  new SameMeaning("CODED_RESULTS_AS_STRINGS", Compared.RULES, request -> resources(request, "Observation", observation -> {
    if (observation.get("valueCodeableConcept") instanceof ObjectNode value) {
      var words = value.path("text").asText(value.path("coding").path(0).path("display").asText(""));
      if (!words.isEmpty()) {
        observation.remove("valueCodeableConcept");
        observation.put("valueString", words);
      }
    }
  })));
}
