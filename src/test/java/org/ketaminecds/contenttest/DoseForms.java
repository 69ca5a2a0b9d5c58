package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ketaminecds.contenttest.SameMeaning.Compared;

/**
 * Doses and supplies as order and pharmacy systems write them: the same amount in another unit, the same dose listed
 * under several dose types, a dispensed count in the NCPDP billing unit, a days supply as a bare number.
 */
final class DoseForms {

  private DoseForms() {}

  private static final Set<String> MILLIGRAMS = Set.of("mg", "milligram", "milligrams");
  private static final Set<String> DISCRETE_UNITS = Set.of("tablet", "tablets", "tab", "tabs", "{tablet}",
      "{tablets}", "{tbl}", "capsule", "capsules", "cap", "caps", "{capsule}", "{capsules}", "{cap}");
  private static final Set<String> DAYS = Set.of("d", "day", "days");

  static final List<SameMeaning> FORMS = List.of(
  /**
   * Every dose in milligrams sent in micrograms (UCUM ug; 20 mg as 20,000 ug), as order systems that keep the unit
   * the prescriber picked write it. The same rules must fire (the cards may quote the dose in its new unit).
   */
  new SameMeaning("DOSES_IN_MICROGRAMS", Compared.SUMMARIES, request -> doses(request, dose -> {
    if (milligrams(dose)) {
      dose.put("value", dose.path("value").decimalValue().multiply(BigDecimal.valueOf(1000)));
      dose.put("unit", "ug").put("system", "http://unitsofmeasure.org").put("code", "ug");
    }
  })),
  /** Every dose in milligrams sent in grams (UCUM g; 20 mg as 0.02 g). The same rules must fire. */
  new SameMeaning("DOSES_IN_GRAMS", Compared.SUMMARIES, request -> doses(request, dose -> {
    if (milligrams(dose)) {
      dose.put("value", dose.path("value").decimalValue().movePointLeft(3).stripTrailingZeros());
      dose.put("unit", "g").put("system", "http://unitsofmeasure.org").put("code", "g");
    }
  })),
  /**
   * Every doseAndRate entry sent twice, typed "ordered" and "calculated" (FHIR R4 Dosage.doseAndRate.type, code system
   * http://terminology.hl7.org/CodeSystem/dose-rate-type), as Epic sends the one dose under several types. The same
   * rules must fire.
   */
  new SameMeaning("DOSES_UNDER_SEVERAL_DOSE_TYPES", Compared.SUMMARIES, request -> dosages(request, dosage -> {
    if (dosage.get("doseAndRate") instanceof ArrayNode entries && entries.size() == 1) {
      var ordered = (ObjectNode) entries.get(0);
      var calculated = ordered.deepCopy();
      doseType(ordered, "ordered");
      doseType(calculated, "calculated");
      entries.add(calculated);
    }
  })),
  /**
   * Every dispensed or ordered count of tablets or capsules sent in the NCPDP billing unit EA ("each"), as pharmacy
   * systems send a dispensed quantity. The same rules must fire.
   */
  new SameMeaning("DISPENSED_COUNTS_AS_EACH", Compared.SUMMARIES, request -> supplyQuantities(request, quantity -> {
    if (DISCRETE_UNITS.contains(unitOf(quantity))) {
      quantity.remove(List.of("system", "code"));
      quantity.put("unit", "EA");
    }
  })),
  /**
   * Every MedicationDispense.daysSupply in days sent as a bare number (no unit or code), as pharmacy feeds carry the
   * NCPDP days-supply field. The same rules must fire.
   */
  new SameMeaning("DAYS_SUPPLY_AS_NUMBERS", Compared.WHOLE_CARDS, request -> resources(request, "MedicationDispense",
      dispense -> {
        if (dispense.get("daysSupply") instanceof ObjectNode days && DAYS.contains(unitOf(days))) {
          days.remove(List.of("unit", "system", "code"));
        }
      })));

  private static boolean milligrams(ObjectNode dose) {
    return dose.path("value").isNumber() && MILLIGRAMS.contains(unitOf(dose));
  }

  private static String unitOf(ObjectNode quantity) {
    return quantity.path("code").asText(quantity.path("unit").asText("")).trim().toLowerCase(Locale.ROOT);
  }

  private static void doseType(ObjectNode entry, String code) {
    entry.putObject("type").putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/dose-rate-type").put("code", code);
  }

  /** The doses of every doseAndRate element: doseQuantity and both ends of doseRange. */
  private static void doses(com.fasterxml.jackson.databind.JsonNode request,
      java.util.function.Consumer<ObjectNode> action) {
    dosesAndRates(request, doseAndRate -> {
      if (doseAndRate.get("doseQuantity") instanceof ObjectNode dose) {
        action.accept(dose);
      }
      for (var end : List.of("low", "high")) {
        if (doseAndRate.path("doseRange").get(end) instanceof ObjectNode dose) {
          action.accept(dose);
        }
      }
    });
  }

  /** The dispensed quantity of dispenses and the fill quantities (regular and initial) of orders. */
  private static void supplyQuantities(com.fasterxml.jackson.databind.JsonNode request,
      java.util.function.Consumer<ObjectNode> action) {
    resources(request, "MedicationDispense", dispense -> {
      if (dispense.get("quantity") instanceof ObjectNode quantity) {
        action.accept(quantity);
      }
    });
    resources(request, "MedicationRequest", order -> {
      var fill = order.path("dispenseRequest");
      for (var quantity : List.of(fill.path("quantity"), fill.path("initialFill").path("quantity"))) {
        if (quantity instanceof ObjectNode object) {
          action.accept(object);
        }
      }
    });
  }
}
