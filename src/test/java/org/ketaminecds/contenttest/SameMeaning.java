package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** One form of writing codes or records that means the same. */
enum SameMeaning {
  ICD10CM_WITHOUT_DOTS(request -> codings(request, coding -> {
    if ("http://hl7.org/fhir/sid/icd-10-cm".equals(coding.path("system").asText())
        && coding.path("code").asText().contains(".")) {
      coding.put("code", coding.path("code").asText().replace(".", ""));
    }
  })),
  ICD10CM_IN_LOWER_CASE(request -> codings(request, coding -> {
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
  LOCAL_CODING_FIRST(request -> concepts(request, concept -> {
    if (concept.get("coding") instanceof ArrayNode codings
        && java.util.stream.StreamSupport.stream(codings.spliterator(), false)
            .anyMatch(coding -> Names.STANDARD_SYSTEMS.contains(coding.path("system").asText()))) {
      var display = codings.get(0).path("display").asText(concept.path("text").asText("local entry"));
      codings.insertObject(0).put("system", "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580").put("code", "99123")
          .put("display", display);
    }
  })),
  SYSTEMS_AS_OIDS(request -> codings(request, coding -> {
    var oid = Names.OIDS.get(coding.path("system").asText());
    if (oid != null) {
      coding.put("system", oid);
    }
  })),
  /** Observation.effectiveInstant (FHIR R4 effective[x]; device feeds send it): the date at noon UTC. */
  OBSERVATION_TIMES_AS_INSTANTS(request -> resources(request, "Observation", observation -> {
    var date = observation.path("effectiveDateTime").asText();
    if (date.length() == 10) {
      observation.remove("effectiveDateTime");
      observation.put("effectiveInstant", date + "T12:00:00Z");
    }
  })),
  /**
   * Every hyphen of a name or text as an en dash and every apostrophe as a typographic one ("Schizo\u2013affective",
   * "Alzheimer\u2019s"), as text typed in a word processor or pasted from a letter arrives. The same rules must fire.
   */
  NAMES_WITH_TYPOGRAPHIC_DASHES_AND_QUOTES(Compared.RULES, request -> {
    java.util.function.UnaryOperator<String> typographic = text -> text.replace('-', '\u2013').replace('\'', '\u2019');
    request.path("prefetch").forEach(list -> words(list, typographic));
    words(request.path("context").path("draftOrders"), typographic);
  }),
  /**
   * Every observation time sent as a Period of that one time (effectivePeriod start = end), as laboratory and device
   * interfaces that record a collection interval send it. The same rules must fire.
   */
  OBSERVATION_TIMES_AS_PERIODS(Compared.RULES, request -> resources(request, "Observation", observation -> {
    if (observation.path("effectiveDateTime").isTextual()) {
      var time = observation.path("effectiveDateTime").asText();
      observation.remove("effectiveDateTime");
      observation.putObject("effectivePeriod").put("start", time).put("end", time);
    }
  })),
  /**
   * Every allergy whose code names its substance sent instead with the substance in its reaction
   * (AllergyIntolerance.reaction.substance, "the specific substance ... considered to be responsible") and a generic
   * code ("Drug allergy", text only), as EHRs that record the allergen per reaction send it. The same rules must fire.
   */
  ALLERGY_SUBSTANCES_IN_REACTIONS(Compared.RULES, request -> resources(request, "AllergyIntolerance", allergy -> {
    if (allergy.get("code") instanceof ObjectNode code && code.has("coding")) {
      var reactions = allergy.withArray("reaction");
      if (reactions.isEmpty()) {
        reactions.addObject();
      }
      reactions.forEach(reaction -> {
        if (reaction instanceof ObjectNode object && !object.has("substance")) {
          object.set("substance", code.deepCopy());
          if (!object.has("manifestation")) {
            object.putArray("manifestation").addObject().put("text", "Reaction");
          }
        }
      });
      allergy.putObject("code").put("text", "Drug allergy");
    }
  })),
  /** Every medication record's medication as a contained Medication (medicationReference "#..."). */
  MEDICATIONS_AS_CONTAINED_RESOURCES(request -> Names.MEDICATIONS.forEach(type -> resources(request, type, record -> {
    if (record.get("medicationCodeableConcept") instanceof ObjectNode concept) {
      record.remove("medicationCodeableConcept");
      var contained = record.get("contained") instanceof ArrayNode list ? list : record.putArray("contained");
      contained.addObject().put("resourceType", "Medication").put("id", "as-contained").set("code", concept);
      record.putObject("medicationReference").put("reference", "#as-contained");
    }
  }))),
  /**
   * Every blood pressure panel (components 8480-6 and 8462-4) sent instead as two Observations, systolic and
   * diastolic, with the panel's time, status and category: how many EHRs and device feeds file vital signs.
   */
  BLOOD_PRESSURE_AS_SEPARATE_OBSERVATIONS(request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries) {
      var split = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      entries.forEach(entry -> {
        var resource = entry.path("resource");
        var components = resource.path("component").toString();
        if ("Observation".equals(resource.path("resourceType").asText()) && resource.path("component").size() == 2
            && components.contains("\"8480-6\"") && components.contains("\"8462-4\"")) {
          resource.path("component").forEach(component -> {
            var part = ((ObjectNode) resource).deepCopy();
            part.remove("component");
            part.put("id", resource.path("id").asText() + "-"
                + component.path("code").path("coding").path(0).path("code").asText());
            part.set("code", component.path("code"));
            component.fields().forEachRemaining(field -> { // value[x] and dataAbsentReason, whatever their type
              if (field.getKey().startsWith("value") || field.getKey().equals("dataAbsentReason")) {
                part.set(field.getKey(), field.getValue());
              }
            });
            var copy = ((ObjectNode) entry).deepCopy();
            copy.set("resource", part);
            copy.remove("fullUrl");
            split.add(copy);
          });
        } else {
          split.add(entry);
        }
      });
      ((ObjectNode) list).set("entry", split);
    }
  })),
  /**
   * Every prefetched medication record pointing to a Medication included in the same search Bundle
   * ({@code _include=MedicationRequest:medication}: an entry with search.mode "include", referenced as
   * "Medication/id"), as EHRs that keep a formulary send them.
   */
  MEDICATIONS_AS_INCLUDED_RESOURCES(request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries) {
      var included = new java.util.ArrayList<ObjectNode>();
      entries.forEach(entry -> {
        if (entry.path("resource") instanceof ObjectNode record
            && Names.MEDICATIONS.contains(record.path("resourceType").asText())
            && record.get("medicationCodeableConcept") instanceof ObjectNode concept) {
          var id = "included-" + (included.size() + 1);
          record.remove("medicationCodeableConcept");
          record.putObject("medicationReference").put("reference", "Medication/" + id);
          var medication = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
          medication.putObject("resource").put("resourceType", "Medication").put("id", id).set("code", concept);
          medication.putObject("search").put("mode", "include");
          included.add(medication);
        }
      });
      entries.addAll(included);
    }
  })),
  /** Every searchset Bundle in the prefetch carrying an informational OperationOutcome entry (search.mode outcome). */
  SEARCH_BUNDLES_WITH_OUTCOME_ENTRIES(request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries && "searchset".equals(list.path("type").asText())) {
      var outcome = entries.addObject();
      var issue = outcome.putObject("resource").put("resourceType", "OperationOutcome").put("id", "search-outcome")
          .putArray("issue").addObject();
      issue.put("severity", "information").put("code", "informational").putObject("details")
          .put("text", "Results are limited to the last 10 years");
      outcome.putObject("search").put("mode", "outcome");
    }
  })),
  /**
   * Every record date sent as a date-only value sent instead as a dateTime with a time and a US offset, as most EHRs
   * write them (order, dispense, statement, observation, condition and allergy dates; the birthDate stays a date).
   */
  RECORD_DATES_WITH_TIMES_AND_OFFSETS(request -> dates(request, date -> date + "T14:30:00-05:00")),
  /**
   * Every searchset's entries, and the draft orders, in the reverse order: a FHIR search Bundle's order is the server's
   * (newest first, oldest first, by id). The whole card must not change, detail included (before, a summary named the
   * first of several matching records in the order received).
   */
  ENTRIES_IN_REVERSE_ORDER(true, request -> {
    request.path("prefetch").forEach(list -> reverse(list.get("entry")));
    reverse(request.path("context").path("draftOrders").get("entry"));
  }),
  /** Every CodeableConcept's codings in the reverse order (FHIR R4 gives the order of codings no meaning). */
  CODINGS_IN_REVERSE_ORDER(true, request -> concepts(request, concept -> reverse(concept.get("coding")))),
  /** Every searchset entry twice, as paged searches return a record again when the data change between pages. */
  ENTRIES_DUPLICATED(true, request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries) {
      entries.addAll(entries.deepCopy());
    }
  })),
  /**
   * Every search entry and draft order with its absolute {@code fullUrl} ({@code <server base>/<Type>/<id>}), as EHR
   * FHIR servers return searchset entries (FHIR R4 Bundle: "fullUrl SHALL be the absolute URL of the resource"); the
   * references between records stay relative ({@code MedicationRequest/<id>}).
   */
  ABSOLUTE_FULL_URLS(true, request -> {
    var lists = new java.util.ArrayList<JsonNode>();
    request.path("prefetch").forEach(lists::add);
    lists.add(request.path("context").path("draftOrders"));
    lists.forEach(list -> list.path("entry").forEach(entry -> {
      var record = entry.path("resource");
      if (entry instanceof ObjectNode object && !entry.has("fullUrl") && record.hasNonNull("id")
          && record.hasNonNull("resourceType")) { // a fullUrl sent is kept (an order-select selection may name it)
        object.put("fullUrl", Names.BASE + record.path("resourceType").asText() + "/" + record.path("id").asText());
      }
    }));
  }),
  /**
   * Every relative reference between records ({@code MedicationRequest/<id>}, {@code Patient/<id>}) written as an
   * absolute URL on the EHR's FHIR base instead (FHIR R4 References: "a relative or absolute URL"), as servers that
   * return their own base in references send them. Local references ({@code #id}) and order-select selections stay.
   */
  ABSOLUTE_REFERENCES(true, request -> {
    request.path("prefetch").forEach(list -> absoluteReferences(list));
    absoluteReferences(request.path("context").path("draftOrders"));
  }),
  /**
   * Every coding of a standard system with the version of the code system it was taken from (FHIR R4 Coding.version),
   * as EHRs that record the terminology release send it. A code's meaning does not change with the release it is
   * written under; a code compared with its version would never match the value sets, which carry none.
   */
  CODINGS_WITH_VERSIONS(true, request -> codings(request, coding -> {
    var version = Names.VERSIONS.get(coding.path("system").asText());
    if (version != null && !coding.has("version")) {
      coding.put("version", version);
    }
  })),
  /**
   * Every display and every text in capitals ("SERTRALINE HCL 50 MG TAB", "TAKE 1 TABLET BY MOUTH DAILY"), as pharmacy
   * and older systems write names and directions. Names are read without regard to case: the same cards must fire
   * (their text may name the record in capitals).
   */
  NAMES_IN_CAPITALS(Compared.RULES, request -> {
    request.path("prefetch").forEach(list -> words(list, RequestTrees::capitals));
    words(request.path("context").path("draftOrders"), RequestTrees::capitals);
  }),
  /** Condition.clinicalStatus as text only ("Active"), as C-CDA conversions send it. */
  CONDITION_STATUS_AS_TEXT(request -> resources(request, "Condition", condition -> {
    var code = condition.path("clinicalStatus").path("coding").path(0).path("code").asText();
    if (!code.isEmpty()) {
      condition.putObject("clinicalStatus").put("text", Character.toUpperCase(code.charAt(0)) + code.substring(1));
    }
  })),
  /**
   * Every daily medication timing (frequency 1-4 per 1 d, nothing else) sent instead as times of day only, as Epic
   * sends it (timeOfDay ["09:00:00"], no frequency or period; FHIR R4 Timing.repeat.timeOfDay: every day at those
   * times). Before, such a timing had no rate: doses unknown, dispensed quantities without a duration.
   */
  DAILY_TIMINGS_AS_TIMES_OF_DAY(request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat) {
      timesOfDay(repeat);
    }
  })),
  /**
   * Condition.verificationStatus and AllergyIntolerance.clinicalStatus and verificationStatus as text only, in words
   * ("Entered in Error", "Refuted", "Resolved"; FHIR R4 types them as CodeableConcept), as interfaces and C-CDA
   * conversions send them. Before, a refuted aneurysm or an allergy entered in error sent so gave the critical card.
   */
  VERIFICATION_AND_ALLERGY_STATUSES_AS_TEXT(request -> {
    resources(request, "Condition", condition -> statusAsWords(condition, "verificationStatus"));
    resources(request, "AllergyIntolerance", allergy -> {
      statusAsWords(allergy, "clinicalStatus");
      statusAsWords(allergy, "verificationStatus");
    });
  }),
  /**
   * Every coded name's display moved into the concept's text (CodeableConcept.text: "the concept as seen by the
   * user"), the codings sent with code and system only, as EHRs whose coding tables hold no display send them; a
   * concept whose own text differs from its display keeps both (the text may say more). The same rules must fire
   * (a summary may quote the text where it quoted the display).
   */
  DISPLAYS_AS_CONCEPT_TEXT(Compared.RULES, request -> concepts(request, concept -> {
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
  /** Every UCUM quantity with its code only (no {@code unit} words), as interfaces that send the coded unit do. */
  QUANTITY_UNITS_AS_CODES_ONLY(request -> quantities(request, quantity -> {
    if ("http://unitsofmeasure.org".equals(quantity.path("system").asText()) && quantity.path("code").isTextual()) {
      quantity.remove("unit");
    }
  })),
  /** Every UCUM quantity with its unit words only (no system and code), as free-text dose entry sends it. */
  QUANTITY_UNITS_AS_WORDS_ONLY(request -> quantities(request, quantity -> {
    if ("http://unitsofmeasure.org".equals(quantity.path("system").asText()) && quantity.path("code").isTextual()) {
      if (!quantity.path("unit").isTextual()) {
        quantity.put("unit", quantity.path("code").asText());
      }
      quantity.remove(List.of("system", "code"));
    }
  })),
  /**
   * Every display and text with its words two spaces apart and a trailing space ("Sertraline  50  mg  tablet "), as
   * fixed-width pharmacy names and pasted text arrive. Names are read word by word: the same rules must fire.
   */
  NAMES_WITH_WIDE_SPACES(Compared.RULES, request -> {
    request.path("prefetch").forEach(list -> words(list, text -> text.replace(" ", "  ") + " "));
    words(request.path("context").path("draftOrders"), text -> text.replace(" ", "  ") + " ");
  }),
  /**
   * Every record with what servers add and no rule reads: meta (version, last update, a US Core profile), an
   * extension, an identifier, and codings marked as chosen by the user. Not a word of a card may change.
   */
  RECORDS_WITH_META_AND_EXTENSIONS(true, request -> {
    for (var type : List.of("Condition", "AllergyIntolerance", "Observation", "MedicationRequest",
        "MedicationDispense", "MedicationStatement", "Medication", "Patient", "ServiceRequest")) {
      resources(request, type, record -> {
        var meta = record.putObject("meta").put("versionId", "3").put("lastUpdated", "2024-01-02T03:04:05Z");
        meta.putArray("profile").add("http://hl7.org/fhir/us/core/StructureDefinition/us-core-"
            + type.toLowerCase(java.util.Locale.ROOT));
        record.withArray("extension").addObject().put("url", "https://ehr.example.org/fhir/StructureDefinition/flag")
            .put("valueBoolean", true);
        record.withArray("identifier").addObject().put("system", "https://ehr.example.org/ids").put("value", "X1");
      });
    }
    concepts(request, concept -> concept.path("coding").forEach(coding -> {
      if (coding instanceof ObjectNode object) {
        object.put("userSelected", true);
      }
    }));
  }),
  /**
   * Every dosage route sent as its words only (Dosage.route.text: its display, the codings dropped), as EHRs whose
   * route table is local send it. The same rules must fire.
   */
  ROUTES_AS_TEXT_ONLY(Compared.RULES, request -> routes(request, route -> {
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
  ROUTES_AS_CODES_ONLY(Compared.RULES, request -> routes(request, route -> {
    var snomed = false;
    for (var coding : route.path("coding")) {
      snomed |= "http://snomed.info/sct".equals(coding.path("system").asText()) && coding.has("code");
    }
    if (snomed) {
      route.remove("text");
      route.path("coding").forEach(coding -> ((ObjectNode) coding).remove("display"));
    }
  })),
  /**
   * Every condition's onset and abatement dates sent as a Period of that one date (onsetPeriod / abatementPeriod,
   * start = end), as systems that record every date as a range send them.
   */
  CONDITION_DATES_AS_PERIODS(request -> resources(request, "Condition", condition -> {
    for (var name : List.of("onset", "abatement")) {
      if (condition.path(name + "DateTime").isTextual()) {
        var date = condition.path(name + "DateTime").asText();
        condition.remove(name + "DateTime");
        condition.putObject(name + "Period").put("start", date).put("end", date);
      }
    }
  })),
  /**
   * Every once-to-four-times-a-day schedule sent as its timing code only (Timing.code QD, BID, TID or QID of
   * v3-GTSAbbreviation, FHIR R4 value set timing-abbreviation: the code "is understood to be a complete statement of
   * whatever is specified in the structured timing data"; repeat.bounds still applies over it), as order interfaces
   * that send the sig code send it. The same rules must fire.
   */
  DAILY_TIMINGS_AS_CODES(request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat && dailyFrequency(repeat) > 0 && !timing.has("code")) {
      var code = List.of("QD", "BID", "TID", "QID").get(dailyFrequency(repeat) - 1);
      repeat.remove(List.of("frequency", "period", "periodUnit"));
      if (repeat.isEmpty()) {
        timing.remove("repeat");
      }
      timing.putObject("code").putArray("coding").addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation").put("code", code);
    }
  })),
  /** Every once-to-four-times-a-day schedule written as every 24, 12, 8 or 6 hours (frequency 1, period in h). */
  DAILY_PERIODS_IN_HOURS(request -> timings(request, timing -> {
    if (timing.get("repeat") instanceof ObjectNode repeat && dailyFrequency(repeat) > 0) {
      int hours = 24 / dailyFrequency(repeat);
      repeat.put("frequency", 1).put("period", hours).put("periodUnit", "h");
    }
  })),
  /**
   * Every final result sent as amended (Observation.status: "Subsequent to being Final, the observation has been
   * modified"; FHIR R4 observation-status), as results corrected after release arrive. The same rules must fire.
   */
  RESULTS_AS_AMENDED(true, request -> resources(request, "Observation", observation -> {
    if ("final".equals(observation.path("status").asText())) {
      observation.put("status", "amended");
    }
  })),
  /**
   * Every coded result (Observation.valueCodeableConcept: a pregnancy test "Positive") sent as its words in
   * valueString, as laboratory interfaces that report text results send it. The same rules must fire.
   */
  CODED_RESULTS_AS_STRINGS(Compared.RULES, request -> resources(request, "Observation", observation -> {
    if (observation.get("valueCodeableConcept") instanceof ObjectNode value) {
      var words = value.path("text").asText(value.path("coding").path(0).path("display").asText(""));
      if (!words.isEmpty()) {
        observation.remove("valueCodeableConcept");
        observation.put("valueString", words);
      }
    }
  })),
  /**
   * Every condition and observation category sent as words only (its display, the codings dropped: "Problem List
   * Item", "Vital Signs"), as C-CDA conversions and local category tables send them. The same rules must fire.
   */
  CATEGORIES_AS_TEXT_ONLY(request -> List.of("Condition", "Observation").forEach(type -> resources(request, type,
      record -> record.path("category").forEach(category -> {
        var words = category.path("text").asText(category.path("coding").path(0).path("display").asText(""));
        if (!words.isEmpty() && category instanceof ObjectNode object) {
          object.remove("coding");
          object.put("text", words);
        }
      })))),
  /** Every whole-number quantity sent as a decimal with trailing zeros (50 as 50.00; FHIR decimal keeps precision). */
  QUANTITY_VALUES_WITH_TRAILING_ZEROS(true, request -> quantities(request, quantity -> {
    if (quantity.path("value").canConvertToExactIntegral() && quantity.path("value").isIntegralNumber()) {
      quantity.put("value", new java.math.BigDecimal(quantity.path("value").asLong()).setScale(2));
    }
  }));

  /** What of each card must stay the same. */
  enum Compared {
    /** Which rules fire, and how urgently (forms that rewrite the words a card quotes). */
    RULES,
    /** Rule and summary (most forms: the detail may relabel a record, e.g. by a display the form removed). */
    SUMMARIES,
    /** Rule, summary and detail (forms that only reorder, repeat or re-address what was sent). */
    WHOLE_CARDS
  }

  final Consumer<ObjectNode> apply;
  final Compared compared;

  SameMeaning(Consumer<ObjectNode> apply) {
    this(Compared.SUMMARIES, apply);
  }

  SameMeaning(boolean sameDetail, Consumer<ObjectNode> apply) {
    this(sameDetail ? Compared.WHOLE_CARDS : Compared.SUMMARIES, apply);
  }

  SameMeaning(Compared compared, Consumer<ObjectNode> apply) {
    this.apply = apply;
    this.compared = compared;
  }

  /** Constants the constants above read (a nested class: an enum's own static fields come after its constants). */
  static final class Names {
    static final Set<String> MEDICATIONS = Set.of("MedicationRequest", "MedicationDispense", "MedicationStatement");

    static final Set<String> DATE_TIMES = Set.of("authoredOn", "whenHandedOver", "whenPrepared", "effectiveDateTime",
        "onsetDateTime", "abatementDateTime", "recordedDate", "dateAsserted", "start", "end", "issued",
        "lastOccurrence");

    static final Map<String, String> OIDS = Map.of(
        "http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88",
        "http://snomed.info/sct", "urn:oid:2.16.840.1.113883.6.96",
        "http://loinc.org", "urn:oid:2.16.840.1.113883.6.1",
        "http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90");

    /** KetamineCommon "Standard Systems". */
    static final java.util.Set<String> STANDARD_SYSTEMS = java.util.Set.of(
        "http://www.nlm.nih.gov/research/umls/rxnorm", "http://snomed.info/sct", "http://loinc.org",
        "http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-9-cm");

    static final String BASE = "https://ehr.example.org/api/FHIR/R4/";

    /** A release of each standard system, in the form each publisher names its releases. */
    static final Map<String, String> VERSIONS = Map.of(
        "http://www.nlm.nih.gov/research/umls/rxnorm", "10062025",
        "http://snomed.info/sct", "http://snomed.info/sct/731000124108/version/20250901",
        "http://loinc.org", "2.81",
        "http://hl7.org/fhir/sid/icd-10-cm", "2026");

    private Names() {}
  }
}
