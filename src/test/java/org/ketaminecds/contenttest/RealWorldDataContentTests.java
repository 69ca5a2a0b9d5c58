package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Data as EHRs really send it, on every example case of the content:
 * <ul>
 *   <li>records never fail a rule: with one kind of record error applied to all its prefetched records, a case
 *       degrades no rule that it does not degrade as written (a failed rule sends no card: one odd dispense anywhere in
 *       the chart once hid the CNS depressant warning, one partial date every TRD card);
 *   <li>codes and records in another form that means the same give the same cards: every coding written as some EHRs
 *       write it (ICD-10-CM without its dot or in lower case, code systems by OID), every medication as a contained
 *       Medication, every observation time as an instant, every condition status as text only changes no card
 *       (before, an aneurysm coded I671, psychosis coded f20.9, a compounded ketamine in a Medication known by name, a
 *       BP sent with effectiveInstant and a pregnancy whose status was text only were missed).
 * </ul>
 * The same settings as {@link ServiceExamplesContentTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class RealWorldDataContentTests {

  private static final Set<String> MEDICATION_DATES = Set.of("authoredOn", "whenHandedOver", "whenPrepared",
      "effectiveDateTime");
  private static final Set<String> MEDICATIONS = Set.of("MedicationRequest", "MedicationDispense",
      "MedicationStatement");

  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}");

  private static final Map<String, String> OIDS = Map.of(
      "http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88",
      "http://snomed.info/sct", "urn:oid:2.16.840.1.113883.6.96",
      "http://loinc.org", "urn:oid:2.16.840.1.113883.6.1",
      "http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90");

  /** One kind of error, as pharmacy feeds, problem lists and medication histories carry it. */
  enum RecordError {
    DAYS_SUPPLY_WITHOUT_UNIT(record -> daysSupply(record, q -> q.without(List.of("unit", "system", "code")))),
    DAYS_SUPPLY_IN_TABLETS(record -> daysSupply(record, q -> q.put("unit", "tablet")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm").put("code", "TAB"))),
    NO_DAYS_SUPPLY(record -> record.remove("daysSupply")),
    MEDICATION_DATES_TO_THE_YEAR(record -> medicationDates(record, date -> date.substring(0, 4))),
    MEDICATION_DATES_TO_THE_MONTH(record -> medicationDates(record, date -> date.substring(0, 7))),
    PERIODS_REVERSED(RealWorldDataContentTests::reversePeriods),
    OPEN_ENDS_AS_9999_12_31(RealWorldDataContentTests::sentinelEnds);

    final Consumer<ObjectNode> apply;

    RecordError(Consumer<ObjectNode> apply) {
      this.apply = apply;
    }
  }

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
    SYSTEMS_AS_OIDS(request -> codings(request, coding -> {
      var oid = OIDS.get(coding.path("system").asText());
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
    /** Every medication record's medication as a contained Medication (medicationReference "#..."). */
    MEDICATIONS_AS_CONTAINED_RESOURCES(request -> MEDICATIONS.forEach(type -> resources(request, type, record -> {
      if (record.get("medicationCodeableConcept") instanceof ObjectNode concept) {
        record.remove("medicationCodeableConcept");
        var contained = record.get("contained") instanceof ArrayNode list ? list : record.putArray("contained");
        contained.addObject().put("resourceType", "Medication").put("id", "as-contained").set("code", concept);
        record.putObject("medicationReference").put("reference", "#as-contained");
      }
    }))),
    /** Condition.clinicalStatus as text only ("Active"), as C-CDA conversions send it. */
    CONDITION_STATUS_AS_TEXT(request -> resources(request, "Condition", condition -> {
      var code = condition.path("clinicalStatus").path("coding").path(0).path("code").asText();
      if (!code.isEmpty()) {
        condition.putObject("clinicalStatus").put("text", Character.toUpperCase(code.charAt(0)) + code.substring(1));
      }
    }));

    final Consumer<ObjectNode> apply;

    SameMeaning(Consumer<ObjectNode> apply) {
      this.apply = apply;
    }
  }

  @Autowired HookEvaluation evaluation;

  /** What each case degrades as written (most: nothing), and its cards, each computed once for all variants. */
  private static ExampleVariants<Set<String>> degradedCases;
  private static ExampleVariants<List<String>> cardCases;

  @BeforeEach // static: JUnit makes an instance per test, the application context (and so the bean) is shared
  void casesAsWritten() {
    if (degradedCases == null) {
      degradedCases = new ExampleVariants<>(this::degraded);
      cardCases = new ExampleVariants<>(this::cards);
    }
  }

  @ParameterizedTest
  @EnumSource(RecordError.class)
  void degradesNoRuleInAnyExampleCase(RecordError error) {
    var outcome = degradedCases.compare(request -> apply(error, request.path("prefetch")), (written, rewritten) -> {
      var added = new TreeSet<>(rewritten);
      added.removeAll(written);
      return added.isEmpty() ? null : added.toString();
    });

    assertThat(outcome.changed()).as("example cases with records this error applies to").isPositive();
    assertThat(outcome.differences()).as(error + " degraded rules in " + outcome.differences().size() + " of "
        + outcome.changed() + " cases").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SameMeaning.class)
  void givesEveryExampleCaseTheSameCards(SameMeaning form) {
    var outcome = cardCases.compare(form.apply,
        (written, rewritten) -> written.equals(rewritten) ? null : rewritten + " instead of " + written);

    assertThat(outcome.changed()).as("example cases this form rewrites").isPositive();
    assertThat(outcome.differences()).as(form + " changed the cards of " + outcome.differences().size() + " of "
        + outcome.changed() + " cases").isEmpty();
  }

  /** Rule and summary of each card; a time of day after a date is left out (an instant carries one, a date none). */
  private List<String> cards(String service, ObjectNode request) {
    return evaluation.evaluate(service, request, Set.of()).cards().stream()
        .map(card -> card.ruleId() + ": " + TIME_OF_DAY.matcher(card.summary()).replaceAll("$1")).sorted().toList();
  }

  private Set<String> degraded(String service, ObjectNode request) {
    var rules = new TreeSet<String>();
    for (DegradedRule rule : evaluation.evaluate(service, request, Set.of()).degraded()) {
      rules.add(rule.rule() + " (" + rule.reason() + ")");
    }
    return rules;
  }

  /** Applies the error to every prefetched record it fits. */
  private static void apply(RecordError error, JsonNode prefetch) {
    prefetch.forEach(value -> value.path("entry").forEach(entry -> {
      if (entry.path("resource") instanceof ObjectNode resource) {
        error.apply.accept(resource);
      }
    }));
  }

  private static void daysSupply(ObjectNode record, UnaryOperator<ObjectNode> change) {
    if (record.path("daysSupply") instanceof ObjectNode quantity) {
      change.apply(quantity);
    }
  }

  private static void medicationDates(ObjectNode record, UnaryOperator<String> cut) {
    if (!MEDICATIONS.contains(record.path("resourceType").asText())) {
      return;
    }
    MEDICATION_DATES.forEach(field -> {
      if (record.path(field).isTextual() && record.path(field).asText().length() >= 10) {
        record.put(field, cut.apply(record.path(field).asText()));
      }
    });
    periods(record, period -> List.of("start", "end").forEach(field -> {
      if (period.path(field).isTextual() && period.path(field).asText().length() >= 10) {
        period.put(field, cut.apply(period.path(field).asText()));
      }
    }));
  }

  private static void reversePeriods(ObjectNode record) {
    periods(record, period -> {
      if (period.has("start") && period.has("end")) {
        var start = period.get("start");
        period.set("start", period.get("end"));
        period.set("end", start);
      }
    });
  }

  private static void sentinelEnds(ObjectNode record) {
    periods(record, period -> {
      if (period.has("start") && !period.has("end")) {
        period.put("end", "9999-12-31");
      }
    });
  }

  /** Every Period object inside the record (effectivePeriod, boundsPeriod, validityPeriod, onsetPeriod...). */
  private static void periods(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> {
        if (field.getKey().endsWith("Period") && field.getValue() instanceof ObjectNode period) {
          action.accept(period);
        }
        periods(field.getValue(), action);
      });
    } else if (node instanceof ArrayNode array) {
      array.forEach(child -> periods(child, action));
    }
  }

  /** Every resource of the type in the prefetch (searchset entries and single resources) and the draft orders. */
  private static void resources(JsonNode request, String type, Consumer<ObjectNode> action) {
    var lists = new java.util.ArrayList<JsonNode>();
    request.path("prefetch").forEach(lists::add);
    lists.add(request.path("context").path("draftOrders"));
    lists.forEach(value -> {
      if (value instanceof ObjectNode resource && type.equals(resource.path("resourceType").asText())) {
        action.accept(resource);
      }
      value.path("entry").forEach(entry -> {
        if (entry.path("resource") instanceof ObjectNode resource
            && type.equals(resource.path("resourceType").asText())) {
          action.accept(resource);
        }
      });
    });
  }

  /** Every object with a system and a code, anywhere in the request (prefetch and draft orders). */
  private static void codings(JsonNode node, Consumer<ObjectNode> action) {
    if (node instanceof ObjectNode object) {
      if (object.path("system").isTextual() && object.path("code").isTextual()) {
        action.accept(object);
      }
      object.elements().forEachRemaining(child -> codings(child, action));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> codings(child, action));
    }
  }
}
