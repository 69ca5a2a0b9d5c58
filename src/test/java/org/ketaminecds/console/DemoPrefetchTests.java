package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class DemoPrefetchTests {

  private static final Map<String, String> TOKENS = Map.of("context.patientId", "p1", "context.userId", "Practitioner/u1");

  private final DemoPrefetch prefetch = ConsoleFixtures.prefetch();
  private final Bundle data = new Bundle()
      .addEntry(new Bundle.BundleEntryComponent().setResource(new Patient().setId("p1")))
      .addEntry(new Bundle.BundleEntryComponent().setResource(new Condition().setSubject(new Reference("Patient/p1")).setId("c1")))
      .addEntry(new Bundle.BundleEntryComponent().setResource(new Condition().setSubject(new Reference("Patient/p1")).setId("c2")))
      .addEntry(new Bundle.BundleEntryComponent().setResource(new Observation().setSubject(new Reference("Patient/p1")).setId("o1")))
      .addEntry(new Bundle.BundleEntryComponent().setResource(new MedicationRequest()
          .setMedication(new Reference("Medication/m1")).setSubject(new Reference("Patient/p1")).setId("mr1")))
      .addEntry(new Bundle.BundleEntryComponent().setResource(new Medication().setId("m1")));

  @Test
  void answersAReadWithTheResource() {
    JsonNode patient = answer("patient", "Patient/{{context.patientId}}").get("patient");
    assertThat(patient.path("resourceType").asText()).isEqualTo("Patient");
    assertThat(patient.path("id").asText()).isEqualTo("p1");
  }

  @Test
  void answersAReadOfAbsentDataWithJsonNull() {
    Map<String, JsonNode> prefetch = answer("user", "Practitioner/{{userPractitionerId}}");
    assertThat(prefetch).containsKey("user");
    assertThat(prefetch.get("user").isNull()).isTrue();
  }

  @Test
  void answersASearchWithEveryResourceOfItsTypeIgnoringFilters() {
    JsonNode conditions = answer("conditions", "Condition?patient={{context.patientId}}&clinical-status=active").get("conditions");
    assertThat(conditions.path("resourceType").asText()).isEqualTo("Bundle");
    assertThat(conditions.path("type").asText()).isEqualTo("searchset");
    assertThat(conditions.path("total").asInt()).isEqualTo(2);
    assertThat(conditions.findValuesAsText("resourceType")).containsOnly("Bundle", "Condition");
    assertThat(conditions.findValuesAsText("id")).containsExactlyInAnyOrder("c1", "c2");
  }

  @Test
  void answersASearchWithNoMatchesWithAnEmptySearchset() {
    JsonNode allergies = answer("allergies", "AllergyIntolerance?patient={{context.patientId}}").get("allergies");
    assertThat(allergies.path("type").asText()).isEqualTo("searchset");
    assertThat(allergies.path("total").asInt()).isZero();
    assertThat(allergies.has("entry")).isFalse();
  }

  @Test
  void addsReferencedResourcesForAnInclude() {
    JsonNode orders = answer("orders", "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication")
        .get("orders");
    assertThat(orders.path("total").asInt()).isEqualTo(1);
    assertThat(orders.findValuesAsText("mode")).containsExactly("match", "include");
    assertThat(orders.findValuesAsText("id")).containsExactly("mr1", "m1");
  }

  @Test
  void leavesOutKeysWhoseTokenHasNoValue() {
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("encounter", "Encounter/{{context.encounterId}}");
    templates.put("patient", "Patient/{{context.patientId}}");
    assertThat(prefetch.answer(templates, data, TOKENS)).containsOnlyKeys("patient");
  }

  private Map<String, JsonNode> answer(String key, String template) {
    return prefetch.answer(Map.of(key, template), data, TOKENS);
  }
}
