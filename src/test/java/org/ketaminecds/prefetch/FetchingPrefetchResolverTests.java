package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.ketaminecds.prefetch.PatientData.KeySource;

class FetchingPrefetchResolverTests extends StubbedEhrResolverTests {


  private static final Map<String, String> TEMPLATES =
      Map.of(
          "patient", "Patient/{{context.patientId}}",
          "conditions", "Condition?patient={{context.patientId}}");


  private static void stubFhir(String path, String body) {
    ehr.stubFor(get(urlPathEqualTo(path)).willReturn(okForContentType("application/fhir+json", body)));
  }

  @Test
  void usesFullPrefetchWithoutAnyOutboundRequest() {
    Map<String, String> given =
        Map.of("patient", json("Patient-p1.json"), "conditions", json("Bundle-conditions-p1.json"));

    PatientData data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));

    assertThat(ehr.getAllServeEvents()).isEmpty();
    assertThat(data.fetchCalls()).isZero();
    assertThat(data.keySources())
        .containsEntry("patient", KeySource.PREFETCHED)
        .containsEntry("conditions", KeySource.PREFETCHED);
    assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "Condition/mdd1", "Condition/htn1");
  }

  @Test
  void forwardsTheBearerTokenExactly() {
    stubFhir("/fhir/Condition", json("Bundle-conditions-p1.json"));

    resolver.resolve(request(TEMPLATES, Map.of("patient", json("Patient-p1.json")), access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition"))
        .withQueryParam("patient", equalTo("p1"))
        .withHeader("Authorization", equalTo("Bearer " + TestResolver.TOKEN)));
  }

  @Test
  void fetchesOnlyTheKeysTheClientDidNotSend() {
    stubFhir("/fhir/Condition", json("Bundle-conditions-p1.json"));
    stubFhir("/fhir/MedicationRequest", json("Bundle-medicationrequests-page3.json", fhirBase()));
    Map<String, String> templates = new HashMap<>(TEMPLATES);
    templates.put("medications", "MedicationRequest?patient={{context.patientId}}&status=active,completed");

    PatientData data =
        resolver.resolve(request(templates, Map.of("patient", json("Patient-p1.json")), access(fhirBase())));

    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")));
    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/MedicationRequest"))
        .withQueryParam("status", equalTo("active,completed")));
    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
    assertThat(data.fetchCalls()).isEqualTo(2);
    assertThat(data.keySources())
        .containsEntry("patient", KeySource.PREFETCHED)
        .containsEntry("conditions", KeySource.FETCHED)
        .containsEntry("medications", KeySource.FETCHED);
    assertThat(ids(data.resources())).contains("Patient/p1", "Condition/mdd1", "MedicationRequest/mr-flu1");
  }

  @Test
  void writesTheCodesOfFetchedRecordsAsTheValueSetsWriteThem() {
    // the EHR names ICD-10-CM by its OID and writes the code without its dot (the client's prefetch is written so
    // when the request is validated: invocation)
    stubFhir("/fhir/Condition", """
        {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {"resourceType": "Condition",
          "id": "fetched", "subject": {"reference": "Patient/p1"},
          "code": {"coding": [{"system": "urn:oid:2.16.840.1.113883.6.90", "code": "I671"}]}}}]}""");

    PatientData data = resolver.resolve(request(TEMPLATES, Map.of("patient", json("Patient-p1.json")),
        access(fhirBase())));

    assertThat(data.resources()).filteredOn(r -> r instanceof Condition)
        .extracting(r -> r.getIdElement().getIdPart() + " " + ((Condition) r).getCode().getCodingFirstRep().getSystem()
            + " " + ((Condition) r).getCode().getCodingFirstRep().getCode())
        .containsExactly("fetched http://hl7.org/fhir/sid/icd-10-cm I67.1");
  }

  @Test
  void treatsNullPrefetchAsNoDataAndDoesNotFetchIt() {
    Map<String, String> given = new HashMap<>();
    given.put("patient", json("Patient-p1.json"));
    given.put("conditions", null);

    PatientData data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));

    assertThat(ehr.getAllServeEvents()).isEmpty();
    assertThat(data.keySources()).containsEntry("conditions", KeySource.PREFETCHED);
    assertThat(data.resources()).noneMatch(Condition.class::isInstance);
  }

  @Test
  void refetchesAKeyThatCameAsAnOperationOutcome() {
    stubFhir("/fhir/Condition", json("Bundle-conditions-p1.json"));
    Map<String, String> given =
        Map.of("patient", json("Patient-p1.json"), "conditions", json("OperationOutcome-error.json"));

    PatientData data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    assertThat(data.keySources()).containsEntry("conditions", KeySource.FETCHED);
    assertThat(ids(data.resources())).contains("Condition/mdd1", "Condition/htn1");
    assertThat(data.resources()).noneMatch(r -> r.fhirType().equals("OperationOutcome"));
  }

  @Test
  void refetchesAKeyWhoseBundleHoldsOnlyErrorOutcomes() {
    stubFhir("/fhir/Condition", json("Bundle-conditions-p1.json"));
    Map<String, String> given =
        Map.of("patient", json("Patient-p1.json"), "conditions", json("Bundle-operationoutcome-only.json"));

    PatientData data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    assertThat(data.keySources()).containsEntry("conditions", KeySource.FETCHED);
  }

  @Test
  void keepsAPrefetchWithOnlyAWarningOutcomeAndDropsTheOutcome() {
    Map<String, String> given =
        Map.of("patient", json("Patient-p1.json"), "conditions", json("Bundle-conditions-with-warning.json"));

    PatientData data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));

    assertThat(ehr.getAllServeEvents()).isEmpty();
    assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "Condition/mdd1");
  }

  @Test
  void skipsAKeyWhoseTokenHasNoValueInsteadOfFailing() {
    Map<String, String> templates = Map.of("encounter", "Encounter/{{context.encounterId}}");

    PatientData data = resolver.resolve(request(templates, Map.of(), null));

    assertThat(data.keySources()).doesNotContainKey("encounter");
    assertThat(data.resources()).isEmpty();
    assertThat(data.fetchCalls()).isZero();
  }

  @Test
  void treatsAReadThatAnswers404AsNoData() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
            .withHeader("Content-Type", "application/fhir+json").withBody(json("OperationOutcome-error.json"))));

    PatientData data = resolver.resolve(request(Map.of("patient", "Patient/{{context.patientId}}"), Map.of(),
        access(fhirBase())));

    assertThat(data.keySources()).containsEntry("patient", KeySource.FETCHED);
    assertThat(data.resources()).isEmpty();
  }

  @Test
  void fetchesAReadTemplateAsOneResource() {
    stubFhir("/fhir/Patient/p1", json("Patient-p1.json"));

    PatientData data = resolver.resolve(request(Map.of("patient", "Patient/{{context.patientId}}"), Map.of(),
        access(fhirBase() + "/")));

    assertThat(data.resources()).singleElement().isInstanceOf(Patient.class);
    assertThat(((Patient) data.resources().get(0)).getBirthDateElement().getValueAsString()).isEqualTo("1979-04-12");
    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Patient/p1")));
  }

  @Test
  void expandsUserTokensFromContextUserIdWhenFetching() {
    stubFhir("/fhir/PractitionerRole", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}");

    PatientData data = resolver.resolve(request(
        Map.of("roles", "PractitionerRole?practitioner={{userPractitionerId}}"), Map.of(), access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/PractitionerRole"))
        .withQueryParam("practitioner", equalTo("doc1")));
    assertThat(data.keySources()).containsEntry("roles", KeySource.FETCHED);
  }

  @Test
  void fetchesASearchWhoseParametersCarryCodeSystemUrls() {
    stubFhir("/fhir/Observation", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}");
    Map<String, String> templates =
        Map.of("phq9", "Observation?patient={{context.patientId}}&code=http://loinc.org|44261-6&_sort=-date");

    resolver.resolve(request(templates, Map.of(), access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Observation"))
        .withQueryParam("code", equalTo("http://loinc.org|44261-6"))
        .withQueryParam("_sort", equalTo("-date")));
  }

  @Test
  void keepsOneCopyOfAResourceThatWasBothPrefetchedAndFetched() {
    stubFhir("/fhir/Condition", json("Bundle-conditions-p1.json"));
    Map<String, String> templates = Map.of(
        "problems", "Condition?patient={{context.patientId}}&category=problem-list-item",
        "conditions", "Condition?patient={{context.patientId}}");

    PatientData data = resolver.resolve(
        request(templates, Map.of("problems", json("Bundle-conditions-mdd1-only.json")), access(fhirBase())));

    assertThat(ids(data.resources())).containsExactlyInAnyOrder("Condition/mdd1", "Condition/htn1");
  }

  @Test
  void addsDraftResourcesAndLetsADraftReplaceTheStoredVersion() {
    MedicationRequest stored = new MedicationRequest();
    stored.setId("draft-esk1");
    stored.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    MedicationRequest draft = FhirFixtures.resource("MedicationRequest-draft-contained.json", MedicationRequest.class);
    Map<String, String> templates = Map.of("meds", "MedicationRequest?patient={{context.patientId}}");
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
        + FhirFixtures.FHIR.newJsonParser().encodeResourceToString(stored) + "}]}";

    PatientData data = resolver.resolve(request(templates, Map.of("meds", bundle), null, List.of(draft)));

    assertThat(data.resources()).hasSize(1);
    MedicationRequest only = (MedicationRequest) data.resources().get(0);
    assertThat(only.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
  }

  @Test
  void leavesOutDraftOrdersOnTheChartThatTheContextDoesNotCarryBecauseTheyAreNotBeingOrdered() {
    MedicationRequest stale = new MedicationRequest();
    stale.setId("stale-esk");
    stale.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    MedicationRequest active = new MedicationRequest();
    active.setId("sertraline");
    active.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    MedicationRequest beingSigned = new MedicationRequest();
    beingSigned.setId("draft-now");
    beingSigned.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
    var parser = FhirFixtures.FHIR.newJsonParser();
    String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
        + parser.encodeResourceToString(stale) + "},{\"resource\":" + parser.encodeResourceToString(active) + "}]}";
    Map<String, String> templates = Map.of("meds", "MedicationRequest?patient={{context.patientId}}");

    PatientData data = resolver.resolve(request(templates, Map.of("meds", bundle), null, List.of(beingSigned)));

    assertThat(ids(data.resources())).containsExactlyInAnyOrder("MedicationRequest/sertraline",
        "MedicationRequest/draft-now");
  }

  @Test
  void returnsAPatientWithoutFetchingWhenOnlyThePatientWasAskedAndSent() {
    PatientData data = resolver.resolve(request(Map.of("patient", "Patient/{{context.patientId}}"),
        Map.of("patient", json("Patient-p1.json")), null));

    assertThat(data.resources()).singleElement().isInstanceOf(Patient.class);
    assertThat(data.fetchElapsed()).isZero();
  }

  static List<String> ids(List<Resource> resources) {
    return resources.stream().map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).toList();
  }
}
