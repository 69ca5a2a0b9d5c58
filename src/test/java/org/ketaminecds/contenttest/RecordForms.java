package org.ketaminecds.contenttest;

import static org.ketaminecds.contenttest.RequestTrees.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ketaminecds.contenttest.SameMeaning.Compared;

/** Records packaged, ordered, split or annotated as EHR servers return them. */
final class RecordForms {

  private RecordForms() {}

  static final List<SameMeaning> FORMS = List.of(
  /** Every medication record's medication as a contained Medication (medicationReference "#..."). */
  new SameMeaning("MEDICATIONS_AS_CONTAINED_RESOURCES", Compared.SUMMARIES, request -> FormNames.MEDICATIONS.forEach(type -> resources(request, type, record -> {
    if (record.get("medicationCodeableConcept") instanceof ObjectNode concept) {
      record.remove("medicationCodeableConcept");
      var contained = record.get("contained") instanceof ArrayNode list ? list : record.putArray("contained");
      contained.addObject().put("resourceType", "Medication").put("id", "as-contained").set("code", concept);
      record.putObject("medicationReference").put("reference", "#as-contained");
    }
  }))),
  /**
   * Every prefetched medication record pointing to a Medication included in the same search Bundle
   * ({@code _include=MedicationRequest:medication}: an entry with search.mode "include", referenced as
   * "Medication/id"), as EHRs that keep a formulary send them.
   */
  new SameMeaning("MEDICATIONS_AS_INCLUDED_RESOURCES", Compared.SUMMARIES, request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries) {
      var included = new java.util.ArrayList<ObjectNode>();
      entries.forEach(entry -> {
        if (entry.path("resource") instanceof ObjectNode record
            && FormNames.MEDICATIONS.contains(record.path("resourceType").asText())
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
  /**
   * Every blood pressure panel (components 8480-6 and 8462-4) sent instead as two Observations, systolic and
   * diastolic, with the panel's time, status and category: how many EHRs and device feeds file vital signs.
   */
  new SameMeaning("BLOOD_PRESSURE_AS_SEPARATE_OBSERVATIONS", Compared.SUMMARIES, request -> request.path("prefetch").forEach(list -> {
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
   * Every allergy whose code names its substance sent instead with the substance in its reaction
   * (AllergyIntolerance.reaction.substance, "the specific substance ... considered to be responsible") and a generic
   * code ("Drug allergy", text only), as EHRs that record the allergen per reaction send it. The same rules must fire.
   */
  new SameMeaning("ALLERGY_SUBSTANCES_IN_REACTIONS", Compared.RULES, request -> resources(request, "AllergyIntolerance", allergy -> {
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
  /** Every searchset Bundle in the prefetch carrying an informational OperationOutcome entry (search.mode outcome). */
  new SameMeaning("SEARCH_BUNDLES_WITH_OUTCOME_ENTRIES", Compared.SUMMARIES, request -> request.path("prefetch").forEach(list -> {
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
   * Every searchset's entries, and the draft orders, in the reverse order: a FHIR search Bundle's order is the server's
   * (newest first, oldest first, by id). The whole card must not change, detail included (before, a summary named the
   * first of several matching records in the order received).
   */
  new SameMeaning("ENTRIES_IN_REVERSE_ORDER", Compared.WHOLE_CARDS, request -> {
    request.path("prefetch").forEach(list -> reverse(list.get("entry")));
    reverse(request.path("context").path("draftOrders").get("entry"));
  }),
  /** Every searchset entry twice, as paged searches return a record again when the data change between pages. */
  new SameMeaning("ENTRIES_DUPLICATED", Compared.WHOLE_CARDS, request -> request.path("prefetch").forEach(list -> {
    if (list.get("entry") instanceof ArrayNode entries) {
      entries.addAll(entries.deepCopy());
    }
  })),
  /**
   * Every search entry and draft order with its absolute {@code fullUrl} ({@code <server base>/<Type>/<id>}), as EHR
   * FHIR servers return searchset entries (FHIR R4 Bundle: "fullUrl SHALL be the absolute URL of the resource"); the
   * references between records stay relative ({@code MedicationRequest/<id>}).
   */
  new SameMeaning("ABSOLUTE_FULL_URLS", Compared.WHOLE_CARDS, request -> {
    var lists = new java.util.ArrayList<JsonNode>();
    request.path("prefetch").forEach(lists::add);
    lists.add(request.path("context").path("draftOrders"));
    lists.forEach(list -> list.path("entry").forEach(entry -> {
      var record = entry.path("resource");
      if (entry instanceof ObjectNode object && !entry.has("fullUrl") && record.hasNonNull("id")
          && record.hasNonNull("resourceType")) { // a fullUrl sent is kept (an order-select selection may name it)
        object.put("fullUrl", FormNames.BASE + record.path("resourceType").asText() + "/" + record.path("id").asText());
      }
    }));
  }),
  /**
   * Every relative reference between records ({@code MedicationRequest/<id>}, {@code Patient/<id>}) written as an
   * absolute URL on the EHR's FHIR base instead (FHIR R4 References: "a relative or absolute URL"), as servers that
   * return their own base in references send them. Local references ({@code #id}) and order-select selections stay.
   */
  new SameMeaning("ABSOLUTE_REFERENCES", Compared.WHOLE_CARDS, request -> {
    request.path("prefetch").forEach(list -> absoluteReferences(list));
    absoluteReferences(request.path("context").path("draftOrders"));
  }),
  /**
   * Every record with what servers add and no rule reads: meta (version, last update, a US Core profile), an
   * extension, an identifier, and codings marked as chosen by the user. Not a word of a card may change.
   */
  new SameMeaning("RECORDS_WITH_META_AND_EXTENSIONS", Compared.WHOLE_CARDS, request -> {
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
   * Every final result sent as amended (Observation.status: "Subsequent to being Final, the observation has been
   * modified"; FHIR R4 observation-status), as results corrected after release arrive. The same rules must fire.
   */
  new SameMeaning("RESULTS_AS_AMENDED", Compared.WHOLE_CARDS, request -> resources(request, "Observation", observation -> {
    if ("final".equals(observation.path("status").asText())) {
      observation.put("status", "amended");
    }
  })));
}
