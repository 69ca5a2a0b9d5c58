package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewRequestsTests {

  private static final Map<String, String> TEMPLATES = Map.of(
      "patient", "Patient/{{context.patientId}}",
      "medicationRequests", "MedicationRequest?patient={{context.patientId}}");

  private final DemoData demo = ConsoleFixtures.repoDemoData();
  private final PreviewRequests requests = ConsoleFixtures.requests();
  private final DemoPatient patient = demo.patient("demo-trd-met").orElseThrow();
  private final Product esketamine = demo.product("esketamine-56").orElseThrow();

  @Test
  void putsTheDraftOrderOfTheProductIntoOrderSign() {
    PreviewRequest request = build("order-sign", esketamine);

    assertThat(request.hook()).isEqualTo("order-sign");
    assertThat(request.hookInstance()).matches("[0-9a-f-]{36}");
    assertThat(request.context().userId()).isEqualTo(ConsoleFixtures.USER);
    assertThat(request.context().patientId()).isEqualTo("demo-trd-met");
    assertThat(request.context().selections()).isNull();
    JsonNode draft = request.context().draftOrders().path("entry").path(0).path("resource");
    assertThat(draft.path("resourceType").asText()).isEqualTo("MedicationRequest");
    assertThat(draft.path("id").asText()).isEqualTo("draft-esketamine-56");
    assertThat(draft.path("status").asText()).isEqualTo("draft");
    assertThat(draft.path("intent").asText()).isEqualTo("order");
    assertThat(draft.path("subject").path("reference").asText()).isEqualTo("Patient/demo-trd-met");
    assertThat(draft.path("authoredOn").asText()).isEqualTo("2026-03-31");
    assertThat(draft.findValuesAsText("code")).contains("2201623");
    assertThat(draft.path("dosageInstruction").path(0).path("route").path("text").asText()).isEqualTo("nasal");
  }

  @Test
  void selectsTheDraftOrderInOrderSelect() {
    PreviewRequest request = build("order-select", esketamine);
    assertThat(request.context().selections()).containsExactly("MedicationRequest/draft-esketamine-56");
    assertThat(request.context().draftOrders().path("type").asText()).isEqualTo("collection");
  }

  @Test
  void sendsNoOrderForPatientView() {
    PreviewRequest request = build("patient-view", null);
    assertThat(request.context().draftOrders()).isNull();
    assertThat(request.context().medications()).isNull();
  }

  @Test
  void answersTheServicesPrefetchFromThePatientsData() {
    PreviewRequest request = build("order-sign", esketamine);
    assertThat(request.prefetch()).containsOnlyKeys("patient", "medicationRequests");
    assertThat(request.prefetch().get("patient").path("birthDate").asText()).isEqualTo("1980-03-31");
    JsonNode orders = request.prefetch().get("medicationRequests");
    assertThat(orders.path("total").asInt()).isEqualTo(2);
    assertThat(orders.findValuesAsText("authoredOn")).containsExactlyInAnyOrder("2025-05-05", "2025-12-01");
  }

  @Test
  void theDraftIsNotPartOfThePrefetch() {
    PreviewRequest request = build("order-sign", esketamine);
    assertThat(request.prefetch().get("medicationRequests").findValuesAsText("status")).doesNotContain("draft");
  }

  private PreviewRequest build(String hook, Product product) {
    return requests.build(hook, patient, demo.bundle(patient, ConsoleFixtures.NOW), product, TEMPLATES, ConsoleFixtures.NOW);
  }
}
