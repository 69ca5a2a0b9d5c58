package org.ketaminecds.contenttest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** One kind of error, as pharmacy feeds, problem lists and medication histories carry it. */
enum RecordError {
  DAYS_SUPPLY_WITHOUT_UNIT(record -> daysSupply(record, q -> q.without(List.of("unit", "system", "code")))),
  DAYS_SUPPLY_IN_TABLETS(record -> daysSupply(record, q -> q.put("unit", "tablet")
      .put("system", "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm").put("code", "TAB"))),
  NO_DAYS_SUPPLY(record -> record.remove("daysSupply")),
  MEDICATION_DATES_TO_THE_YEAR(record -> medicationDates(record, date -> date.substring(0, 4))),
  MEDICATION_DATES_TO_THE_MONTH(record -> medicationDates(record, date -> date.substring(0, 7))),
  PERIODS_REVERSED(RecordError::reversePeriods),
  OPEN_ENDS_AS_9999_12_31(RecordError::sentinelEnds);

  final Consumer<ObjectNode> apply;

  RecordError(Consumer<ObjectNode> apply) {
    this.apply = apply;
  }

  private static final Set<String> MEDICATION_DATES = Set.of("authoredOn", "whenHandedOver", "whenPrepared",
      "effectiveDateTime");

  /** Applies the error to every prefetched record it fits. */
  void applyTo(JsonNode prefetch) {
    prefetch.forEach(value -> value.path("entry").forEach(entry -> {
      if (entry.path("resource") instanceof ObjectNode resource) {
        apply.accept(resource);
      }
    }));
  }

  private static void daysSupply(ObjectNode record, UnaryOperator<ObjectNode> change) {
    if (record.path("daysSupply") instanceof ObjectNode quantity) {
      change.apply(quantity);
    }
  }

  private static void medicationDates(ObjectNode record, UnaryOperator<String> cut) {
    if (!FormNames.MEDICATIONS.contains(record.path("resourceType").asText())) {
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
