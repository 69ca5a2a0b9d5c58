package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** medicationReference becomes medicationCodeableConcept (docs/develop/stack-pitfalls.md P7), through the whole resolver. */
class MedicationReferenceResolutionTests extends StubbedEhrResolverTests {


  private static final Map<String, String> TEMPLATES =
      Map.of("medications", "MedicationRequest?patient={{context.patientId}}&_include=MedicationRequest:medication");


  @Test
  void resolvesADraftOrdersContainedMedicationAndLeavesTheCallersDraftUntouched() {
    MedicationRequest draft = FhirFixtures.resource("MedicationRequest-draft-contained.json", MedicationRequest.class);

    PatientData data = resolver.resolve(
        request(TEMPLATES, Map.of("medications", json("Bundle-conditions-mdd1-only.json")), null, List.of(draft)));

    MedicationRequest resolved = medicationRequest(data, "draft-esk1");
    assertThat(codes(resolved.getMedicationCodeableConcept())).containsExactly("2201623");
    assertThat(originalReference(resolved.getMedicationCodeableConcept()).getReference()).isEqualTo("#med1");
    assertThat(draft.hasMedicationReference()).isTrue();
  }

  @Test
  void resolvesFromAMedicationInThePrefetchWithoutFetching() {
    PatientData data = resolver.resolve(request(
        TEMPLATES, Map.of("medications", json("Bundle-medicationrequests-include.json")), access(fhirBase())));

    MedicationRequest resolved = medicationRequest(data, "mr-ket1");
    assertThat(codes(resolved.getMedicationCodeableConcept())).containsExactly("6130");
    assertThat(originalReference(resolved.getMedicationCodeableConcept()).getReference()).isEqualTo("Medication/ket1");
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void fetchesAReferencedMedicationThatIsNowhereInTheData() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Medication/ket2"))
        .willReturn(okForContentType("application/fhir+json", json("Medication-ket2.json"))));

    PatientData data = resolver.resolve(request(
        TEMPLATES, Map.of("medications", json("Bundle-medicationrequests-reference.json")), access(fhirBase())));

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Medication/ket2"))
        .withHeader("Authorization", equalTo("Bearer " + TestResolver.TOKEN)));
    MedicationRequest resolved = medicationRequest(data, "mr-ket2");
    assertThat(codes(resolved.getMedicationCodeableConcept())).containsExactly("6130");
    assertThat(resolved.getMedicationCodeableConcept().getText()).isEqualTo("ketamine hydrochloride injection");
    assertThat(data.resources()).anyMatch(Medication.class::isInstance);
    assertThat(data.fetchCalls()).isEqualTo(1);
  }

  @Test
  void keepsTheReferenceWhenTheMedicationCannotBeFetched() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Medication/ket2")).willReturn(aResponse().withStatus(500)));

    PatientData data = resolver.resolve(request(
        TEMPLATES, Map.of("medications", json("Bundle-medicationrequests-reference.json")), access(fhirBase())));

    MedicationRequest unresolved = medicationRequest(data, "mr-ket2");
    assertThat(unresolved.getMedicationReference().getReference()).isEqualTo("Medication/ket2");
  }

  static MedicationRequest medicationRequest(PatientData data, String id) {
    return data.resources().stream()
        .filter(MedicationRequest.class::isInstance)
        .map(MedicationRequest.class::cast)
        .filter(r -> id.equals(r.getIdElement().getIdPart()))
        .findFirst()
        .orElseThrow();
  }

  static List<String> codes(CodeableConcept concept) {
    return concept.getCoding().stream().map(Coding::getCode).toList();
  }

  static Reference originalReference(CodeableConcept concept) {
    Extension extension = concept.getExtensionByUrl(MedicationReferences.EXTENSION_URL);
    assertThat(extension).as("resolved-medication-reference extension").isNotNull();
    return (Reference) extension.getValue();
  }
}
