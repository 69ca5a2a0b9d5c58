package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ketaminecds.contenttest.SameMeaning.Compared;

/** Codes, units and routes written as some EHRs write them (the same concept, the same quantity). */
final class CodingForms {

  private CodingForms() {}

  static final List<SameMeaning> FORMS = List.of(
  new SameMeaning("ICD10CM_WITHOUT_DOTS", Compared.SUMMARIES, request -> codings(request, coding -> {
    if ("http://hl7.org/fhir/sid/icd-10-cm".equals(coding.path("system").asText())
        && coding.path("code").asText().contains(".")) {
      coding.put("code", coding.path("code").asText().replace(".", ""));
    }
  })),
  /**
   * Every ICD-10-CM coding sent under the URI of WHO ICD-10 (http://hl7.org/fhir/sid/icd-10), as interfaces that do
   * not tell the US clinical modification from its parent label it. The code is the same; the rules must read it.
   */
  new SameMeaning("ICD10CM_UNDER_THE_WHO_ICD10_SYSTEM", Compared.RULES, request -> codings(request, coding -> {
    if ("http://hl7.org/fhir/sid/icd-10-cm".equals(coding.path("system").asText())) {
      coding.put("system", "http://hl7.org/fhir/sid/icd-10");
    }
  })),
  new SameMeaning("ICD10CM_IN_LOWER_CASE", Compared.SUMMARIES, request -> codings(request, coding -> {
    if ("http://hl7.org/fhir/sid/icd-10-cm".equals(coding.path("system").asText())) {
      coding.put("code", coding.path("code").asText().toLowerCase(java.util.Locale.ROOT));
    }
  })),
  /**
   * An EHR's own coding listed before the standard ones (a concept coded in standard systems: those of
   * KetamineCommon "Standard Systems"), same display. A concept coded only in interface or local systems (an IMO
   * lexical code, an EHR dictionary code) is left alone: the card names such a record by its first code, and which of
   * two local codes comes first is not a meaning the content can keep.
   */
  new SameMeaning("LOCAL_CODING_FIRST", Compared.SUMMARIES, request -> concepts(request, concept -> {
    if (concept.get("coding") instanceof ArrayNode codings
        && java.util.stream.StreamSupport.stream(codings.spliterator(), false)
            .anyMatch(coding -> FormNames.STANDARD_SYSTEMS.contains(coding.path("system").asText()))) {
      var display = codings.get(0).path("display").asText(concept.path("text").asText("local entry"));
      codings.insertObject(0).put("system", "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580").put("code", "99123")
          .put("display", display);
    }
  })),
  new SameMeaning("SYSTEMS_AS_OIDS", Compared.SUMMARIES, request -> codings(request, coding -> {
    var oid = FormNames.OIDS.get(coding.path("system").asText());
    if (oid != null) {
      coding.put("system", oid);
    }
  })),
  /**
   * Every SNOMED CT coding with the US Edition's URI as its system (http://snomed.info/sct/731000124108), where FHIR
   * puts it in Coding.version: the same concept.
   */
  new SameMeaning("SNOMED_EDITIONS_AS_SYSTEMS", Compared.SUMMARIES, request -> codings(request, coding -> {
    if ("http://snomed.info/sct".equals(coding.path("system").asText())) {
      coding.put("system", "http://snomed.info/sct/731000124108");
    }
  })),
  /** Every CodeableConcept's codings in the reverse order (FHIR R4 gives the order of codings no meaning). */
  new SameMeaning("CODINGS_IN_REVERSE_ORDER", Compared.WHOLE_CARDS, request -> concepts(request, concept -> reverse(concept.get("coding")))),
  /**
   * Every coding of a standard system with the version of the code system it was taken from (FHIR R4 Coding.version),
   * as EHRs that record the terminology release send it. A code's meaning does not change with the release it is
   * written under; a code compared with its version would never match the value sets, which carry none.
   */
  new SameMeaning("CODINGS_WITH_VERSIONS", Compared.WHOLE_CARDS, request -> codings(request, coding -> {
    var version = FormNames.VERSIONS.get(coding.path("system").asText());
    if (version != null && !coding.has("version")) {
      coding.put("version", version);
    }
  })),
  /**
   * Every coded name's display moved into the concept's text (CodeableConcept.text: "the concept as seen by the
   * user"), the codings sent with code and system only, as EHRs whose coding tables hold no display send them; a
   * concept whose own text differs from its display keeps both (the text may say more). The same rules must fire
   * (a summary may quote the text where it quoted the display).
   */
  new SameMeaning("DISPLAYS_AS_CONCEPT_TEXT", Compared.RULES, request -> concepts(request, concept -> {
    var text = concept.path("text").asText("");
    var display = "";
    for (var coding : concept.path("coding")) {
      display = display.isEmpty() ? coding.path("display").asText("") : display;
    }
    if (!display.isEmpty() && (text.isEmpty() || text.equalsIgnoreCase(display))) { // a text of its own is more
      concept.put("text", display);
      concept.path("coding").forEach(coding -> ((ObjectNode) coding).remove("display"));
    }
  })),
  /**
   * Every dosage route sent as its words only (Dosage.route.text: its display, the codings dropped), as EHRs whose
   * route table is local send it. The same rules must fire.
   */
  new SameMeaning("ROUTES_AS_TEXT_ONLY", Compared.RULES, request -> routes(request, route -> {
    var words = route.path("text").asText(route.path("coding").path(0).path("display").asText(""));
    if (!words.isEmpty() && route.has("coding")) {
      route.remove("coding");
      route.put("text", words);
    }
  })),
  /**
   * Every dosage route coded in SNOMED CT sent as its code only (no display, no text), as interfaces that map routes
   * send it. The same rules must fire.
   */
  new SameMeaning("ROUTES_AS_CODES_ONLY", Compared.RULES, request -> routes(request, route -> {
    var snomed = false;
    for (var coding : route.path("coding")) {
      snomed |= "http://snomed.info/sct".equals(coding.path("system").asText()) && coding.has("code");
    }
    if (snomed) {
      route.remove("text");
      route.path("coding").forEach(coding -> ((ObjectNode) coding).remove("display"));
    }
  })),
  /** Every UCUM quantity with its code only (no {@code unit} words), as interfaces that send the coded unit do. */
  new SameMeaning("QUANTITY_UNITS_AS_CODES_ONLY", Compared.SUMMARIES, request -> quantities(request, quantity -> {
    if ("http://unitsofmeasure.org".equals(quantity.path("system").asText()) && quantity.path("code").isTextual()) {
      quantity.remove("unit");
    }
  })),
  /** Every UCUM quantity with its unit words only (no system and code), as free-text dose entry sends it. */
  new SameMeaning("QUANTITY_UNITS_AS_WORDS_ONLY", Compared.SUMMARIES, request -> quantities(request, quantity -> {
    if ("http://unitsofmeasure.org".equals(quantity.path("system").asText()) && quantity.path("code").isTextual()) {
      if (!quantity.path("unit").isTextual()) {
        quantity.put("unit", quantity.path("code").asText());
      }
      quantity.remove(List.of("system", "code"));
    }
  })),
  /** Every whole-number quantity sent as a decimal with trailing zeros (50 as 50.00; FHIR decimal keeps precision). */
  new SameMeaning("QUANTITY_VALUES_WITH_TRAILING_ZEROS", Compared.WHOLE_CARDS, request -> quantities(request, quantity -> {
    if (quantity.path("value").canConvertToExactIntegral() && quantity.path("value").isIntegralNumber()) {
      quantity.put("value", new java.math.BigDecimal(quantity.path("value").asLong()).setScale(2));
    }
  })),
  /**
   * Every dose sent as a range of that one dose (Dosage.doseAndRate.doseRange, low = high), as order systems that
   * always send a range ("1-1 tablet") write it. The same rules must fire.
   */
  new SameMeaning("DOSES_AS_RANGES_OF_ONE_DOSE", Compared.SUMMARIES, request -> dosesAndRates(request, doseAndRate -> {
    if (doseAndRate.get("doseQuantity") instanceof ObjectNode dose) {
      doseAndRate.remove("doseQuantity");
      doseAndRate.putObject("doseRange").<ObjectNode>set("low", dose.deepCopy()).set("high", dose.deepCopy());
    }
  })));
}
