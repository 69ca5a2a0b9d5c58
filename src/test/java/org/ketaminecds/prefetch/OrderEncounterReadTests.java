package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FetchingPrefetchResolverTests.ids;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The encounter a draft order is placed in is read from the FHIR server when the data does not have it (the rules
 * judge the ordering context from it); it is optional data, so a refused read never fails the call.
 */
class OrderEncounterReadTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> TEMPLATES = Map.of("patient", "Patient/{{context.patientId}}");
  private static final Map<String, String> GIVEN = Map.of("patient", json("Patient-p1.json"));
  private static final String ENCOUNTER = "{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"in-progress\","
      + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"EMER\"},"
      + "\"subject\":{\"reference\":\"Patient/p1\"}}";

  private static List<Resource> draftIn(String encounterReference) {
    var order = new MedicationRequest();
    order.setId("draft-1");
    order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    order.setSubject(new Reference("Patient/p1"));
    order.setEncounter(new Reference(encounterReference));
    return List.of(order);
  }

  @Test
  void readsTheEncounterADraftOrderPointsTo() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Encounter/e2"))
        .willReturn(okForContentType("application/fhir+json", ENCOUNTER)));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(request(TEMPLATES, GIVEN, access(ehr.baseUrl() + "/fhir"),
          draftIn("Encounter/e2")));

      assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "MedicationRequest/draft-1",
          "Encounter/e2");
    }
  }

  @Test
  void goesOnWithoutAnEncounterTheServerRefuses() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Encounter/e2")).willReturn(aResponse().withStatus(403)));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(request(TEMPLATES, GIVEN, access(ehr.baseUrl() + "/fhir"),
          draftIn("Encounter/e2")));

      assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "MedicationRequest/draft-1");
    }
  }

  @Test
  void doesNotReadAnEncounterThePrefetchAlreadyHas() {
    var templates = Map.of("patient", "Patient/{{context.patientId}}", "encounter", "Encounter/{{context.encounterId}}");
    var given = Map.of("patient", json("Patient-p1.json"), "encounter", ENCOUNTER);

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(request(templates, given, access(ehr.baseUrl() + "/fhir"),
          draftIn("Encounter/e2")));

      assertThat(ids(data.resources())).contains("Encounter/e2");
      ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Encounter/e2")));
    }
  }

  @Test
  void readsNothingForAnEncounterOnAnotherServer() {
    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(request(TEMPLATES, GIVEN, access(ehr.baseUrl() + "/fhir"),
          draftIn("https://other.example/fhir/Encounter/e2")));

      assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "MedicationRequest/draft-1");
      ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Encounter/e2")));
    }
  }
}
