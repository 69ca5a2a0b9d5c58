package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Records as EHRs really send them never fail a rule: every example case of the content, with one kind of record error
 * applied to all its prefetched records, degrades no rule that the case without it does not degrade. A failed rule
 * sends no card: one odd dispense anywhere in the chart once hid the CNS depressant warning, one partial date every
 * TRD card. The same settings as {@link ServiceExamplesContentTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class RecordErrorsContentTests {

  private static final Set<String> MEDICATION_DATES = Set.of("authoredOn", "whenHandedOver", "whenPrepared",
      "effectiveDateTime");
  private static final Set<String> MEDICATIONS = Set.of("MedicationRequest", "MedicationDispense",
      "MedicationStatement");

  /** One kind of error, as pharmacy feeds, problem lists and medication histories carry it. */
  enum RecordError {
    DAYS_SUPPLY_WITHOUT_UNIT(record -> daysSupply(record, q -> q.without(List.of("unit", "system", "code")))),
    DAYS_SUPPLY_IN_TABLETS(record -> daysSupply(record, q -> q.put("unit", "tablet")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm").put("code", "TAB"))),
    NO_DAYS_SUPPLY(record -> record.remove("daysSupply")),
    MEDICATION_DATES_TO_THE_YEAR(record -> medicationDates(record, date -> date.substring(0, 4))),
    MEDICATION_DATES_TO_THE_MONTH(record -> medicationDates(record, date -> date.substring(0, 7))),
    PERIODS_REVERSED(RecordErrorsContentTests::reversePeriods),
    OPEN_ENDS_AS_9999_12_31(RecordErrorsContentTests::sentinelEnds);

    final Consumer<ObjectNode> apply;

    RecordError(Consumer<ObjectNode> apply) {
      this.apply = apply;
    }
  }

  /** What each case degrades as it is (most: nothing), computed once for all kinds of error. */
  private static final Map<String, Set<String>> AS_GIVEN = new ConcurrentHashMap<>();

  @Autowired HookEvaluation evaluation;

  @ParameterizedTest
  @EnumSource(RecordError.class)
  void degradesNoRuleInAnyExampleCase(RecordError error) {
    var failures = new ArrayList<String>();
    var changed = 0;
    for (var example : ContentExamples.all()) {
      var request = example.freshRequest();
      if (!apply(error, request.path("prefetch"))) {
        continue;
      }
      changed++;
      var before = AS_GIVEN.computeIfAbsent(example.service() + "/" + example.name(),
          key -> degraded(example.service(), example.freshRequest()));
      var after = degraded(example.service(), request);
      after.removeAll(before);
      if (!after.isEmpty()) {
        failures.add(example.service() + "/" + example.name() + ": " + after);
      }
    }

    assertThat(changed).as("example cases with records this error applies to").isPositive();
    assertThat(failures).as(error + " degraded rules in " + failures.size() + " of " + changed + " cases").isEmpty();
  }

  private Set<String> degraded(String service, ObjectNode request) {
    var rules = new TreeSet<String>();
    for (DegradedRule rule : evaluation.evaluate(service, request, Set.of()).degraded()) {
      rules.add(rule.rule() + " (" + rule.reason() + ")");
    }
    return rules;
  }

  /** Applies the error to every prefetched record it fits; whether any changed. */
  private static boolean apply(RecordError error, JsonNode prefetch) {
    var records = new ArrayList<ObjectNode>();
    prefetch.forEach(value -> value.path("entry").forEach(entry -> {
      if (entry.path("resource") instanceof ObjectNode resource) {
        records.add(resource);
      }
    }));
    var before = records.toString();
    records.forEach(error.apply);
    return !before.equals(records.toString());
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
}
