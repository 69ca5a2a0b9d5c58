package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;

class R4PathResolverTests {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final R4PathResolver resolver = new R4PathResolver(FHIR);
  private final R4FhirModelResolver inherited = new R4FhirModelResolver(FHIR);

  @Test
  void resolvesEveryPathLikeTheEngineResolver() {
    var request = new MedicationRequest();
    request.setId("mr-1");
    request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
    request.setSubject(new Reference("Patient/p1"));
    request.setMedication(new CodeableConcept().addCoding(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm",
        "312938", "sertraline 100 MG Oral Tablet")));
    request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(90).setCode("d"));
    for (String path : List.of("status", "status.value", "subject", "subject.reference", "medication",
        "medication.coding", "dispenseRequest.expectedSupplyDuration.value", "dispenseRequest.quantity",
        "id", "authoredOn", "status.", "", "medication.coding[0]")) {
      var expected = inherited.resolvePath(request, path);
      var actual = resolver.resolvePath(request, path);
      assertThat(actual).as(path).usingRecursiveComparison().isEqualTo(expected);
      assertThat(resolver.resolvePath(request, path)).as(path + " (cached split)").usingRecursiveComparison()
          .isEqualTo(expected);
    }
  }

  @Test
  void resolvesChoiceTypesRepeatsEmptyPrimitivesAndComponentsLikeTheEngineResolver() {
    var observation = new org.hl7.fhir.r4.model.Observation();
    observation.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
    observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-03-01T10:00:00Z"));
    observation.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(141).setUnit("mmHg"));
    observation.getCode().addCoding(new Coding("http://loinc.org", "85354-9", null));
    observation.addComponent().setValue(new org.hl7.fhir.r4.model.Quantity().setValue(91))
        .getCode().addCoding(new Coding("http://loinc.org", "8462-4", "Diastolic"));
    observation.getIssuedElement(); // an empty primitive child
    var unset = new org.hl7.fhir.r4.model.Observation();
    var period = new org.hl7.fhir.r4.model.Observation();
    period.setEffective(new org.hl7.fhir.r4.model.Period().setStart(new java.util.Date(0)));
    for (var target : List.of(observation, unset, period)) {
      for (String path : List.of("effective", "effectiveDateTime", "effectivePeriod", "effectivePeriod.start",
          "value", "valueQuantity", "valueQuantity.value", "valueString", "issued", "status", "status.value",
          "component", "code", "code.coding", "code.text", "Observation", "unknownProperty",
          "meta", "extension", "interpretation")) {
        assertThat(resolver.resolvePath(target, path)).as(path).usingRecursiveComparison()
            .isEqualTo(inherited.resolvePath(target, path));
        assertThat(resolver.resolvePath(target, path)).as(path + " (cached child)").usingRecursiveComparison()
            .isEqualTo(inherited.resolvePath(target, path));
      }
    }
  }

  @Test
  void aPathSegmentMeetingElementsOfSeveralClassesResolvesEachLikeTheEngineResolver() {
    var observation = new org.hl7.fhir.r4.model.Observation();
    observation.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(141).setUnit("mmHg"));
    observation.getCode().addCoding(new Coding("http://loinc.org", "8480-6", "Systolic"));
    var component = observation.addComponent();
    component.setValue(new org.hl7.fhir.r4.model.StringType("high"));
    component.getCode().addCoding(new Coding("http://loinc.org", "8462-4", "Diastolic"));
    var quantity = new org.hl7.fhir.r4.model.Quantity().setValue(91);
    var extension = new org.hl7.fhir.r4.model.Extension("http://example.org/x", new org.hl7.fhir.r4.model.BooleanType(true));
    var targets = List.<Object>of(observation, component, quantity, extension, observation, quantity, component);
    for (int round = 0; round < 2; round++) { // the second round meets every class after another one
      for (Object target : targets) {
        for (String path : List.of("value", "code.coding", "valueQuantity.value", "value.value", "url")) {
          assertThat(resolver.resolvePath(target, path)).as(target.getClass().getSimpleName() + " " + path)
              .usingRecursiveComparison().isEqualTo(inherited.resolvePath(target, path));
        }
      }
    }
  }

  @Test
  void splitsLikeTheInheritedSplitDroppingTrailingEmptySegments() {
    assertThat(R4PathResolver.split("a.b.c")).containsExactly("a", "b", "c");
    assertThat(R4PathResolver.split("a..b")).containsExactly("a", "", "b");
    assertThat(R4PathResolver.split("a.b..")).containsExactly("a", "b");
    assertThat(R4PathResolver.split("")).isEmpty();
  }
}
