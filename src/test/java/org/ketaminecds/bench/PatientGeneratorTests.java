package org.ketaminecds.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark's patients are valid FHIR R4, reproducible, and as large as the scenarios say. Not timing. */
class PatientGeneratorTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  private final PatientGenerator generator = new PatientGenerator(ClinicalCodes.load(), TODAY);
  private final BenchRequests requests = new BenchRequests(FHIR, Path.of("cds-hooks"), TODAY);

  @ParameterizedTest
  @EnumSource(PatientProfile.class)
  void everyResourceSurvivesAStrictHapiRoundTrip(PatientProfile profile) {
    var patient = generator.generate(profile, 1);
    var parser = FHIR.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
    for (Resource resource : patient.resources()) {
      var json = parser.encodeResourceToString(resource);
      var parsed = (Resource) parser.parseResource(json);
      assertThat(parsed.fhirType()).isEqualTo(resource.fhirType());
      assertThat(parsed.getIdPart()).isNotBlank();
      assertThat(parser.encodeResourceToString(parsed)).as(resource.getIdPart()).isEqualTo(json);
    }
  }

  @ParameterizedTest
  @EnumSource(PatientProfile.class)
  void prefetchHasTheSizeOfItsProfile(PatientProfile profile) {
    var size = SyntheticPatient.size(generator.generate(profile, 3).prefetch(
        requests.templates(BenchRequests.ORDER_SERVICE)));
    switch (profile) {
      case SMALL -> assertThat(size).isBetween(20, 45);
      case TYPICAL -> assertThat(size).isBetween(150, 260);
      case HEAVY -> assertThat(size).isBetween(2500, 3600);
    }
  }

  @Test
  void sameSeedGivesTheSameChart() {
    var parser = FHIR.newJsonParser();
    var first = generator.generate(PatientProfile.TYPICAL, 7).resources();
    var again = generator.generate(PatientProfile.TYPICAL, 7).resources();
    assertThat(again).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(parser.encodeResourceToString(again.get(i))).isEqualTo(parser.encodeResourceToString(first.get(i)));
    }
    assertThat(generator.generate(PatientProfile.TYPICAL, 8).resources().size()).isPositive();
  }

  @Test
  void everyPatientReferenceNamesThePatientAndIncludedMedicationsResolve() {
    var patient = generator.generate(PatientProfile.TYPICAL, 2);
    var terser = FHIR.newTerser();
    for (Resource resource : patient.resources()) {
      for (IBaseReference reference : terser.getAllPopulatedChildElementsOfType(resource, Reference.class)) {
        var target = reference.getReferenceElement();
        if ("Patient".equals(target.getResourceType())) {
          assertThat(target.getIdPart()).isEqualTo(patient.id());
        }
      }
    }
    var medications = (Bundle) patient.answer(
        "MedicationRequest?patient=" + patient.id() + "&_include=MedicationRequest:medication");
    var byReference = medications.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(MedicationRequest.class::isInstance).map(MedicationRequest.class::cast)
        .filter(MedicationRequest::hasMedicationReference).toList();
    assertThat(byReference).isNotEmpty();
    assertThat(medications.getEntry()).anyMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
  }

  @Test
  void requestBodyIsAHookRequestWithTheServicePrefetchKeys() throws Exception {
    var patient = generator.generate(PatientProfile.SMALL, 1);
    var body = new ObjectMapper().readTree(requests.body(BenchRequests.ORDER_SERVICE, patient, null));
    assertThat(body.get("hook").asText()).isEqualTo("order-sign");
    assertThat(body.get("context").get("patientId").asText()).isEqualTo(patient.id());
    assertThat(body.get("prefetch").fieldNames()).toIterable()
        .containsExactlyInAnyOrderElementsOf(requests.templates(BenchRequests.ORDER_SERVICE).keySet());
    var draft = FHIR.newJsonParser().parseResource(Bundle.class, body.get("context").get("draftOrders").toString());
    assertThat(((MedicationRequest) draft.getEntryFirstRep().getResource()).getStatus())
        .isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
    var noPrefetch = new ObjectMapper().readTree(
        requests.body(BenchRequests.VIEW_SERVICE, patient, "http://127.0.0.1:1/fhir"));
    assertThat(noPrefetch.has("prefetch")).isFalse();
    assertThat(noPrefetch.get("fhirAuthorization").get("token_type").asText()).isEqualTo("Bearer");
  }
}
