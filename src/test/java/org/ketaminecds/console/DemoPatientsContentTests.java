package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo patients (cds-hooks/demo/) cover the scenarios the console promises (README, "Preview console"),
 * with the resource shapes of the examples, on whatever day the suite runs.
 */
class DemoPatientsContentTests {

  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final List<String> SSRI_PRODUCTS = List.of("312938", "312941", "410584", "351250", "310385", "313989", "200371");
  private static final String LORAZEPAM_1_MG = "197901";

  private final DemoData demo = ConsoleFixtures.repoDemoData();

  @Test
  void bundlesAtLeastEightPatientsAndFourProducts() {
    assertThat(demo.patientSummaries()).hasSizeGreaterThanOrEqualTo(8)
        .allSatisfy(p -> assertThat(p.scenario()).isNotBlank());
    assertThat(demo.productSummaries()).extracting(ProductSummary::id)
        .contains("esketamine-56", "esketamine-84", "ketamine-iv", "ketamine-oral");
  }

  @Test
  void coversTrdMetWithTwoSsriTrials() {
    assertThat(patientsWhere(b -> antidepressantOrders(b).stream().filter(m -> codedAs(m.getMedicationCodeableConcept(), SSRI_PRODUCTS))
        .map(m -> m.getMedicationCodeableConcept().getCodingFirstRep().getCode()).distinct().count() >= 2)).isNotEmpty();
  }

  @Test
  void coversTrdNotMetWithOneTrial() {
    assertThat(patientsWhere(b -> antidepressantOrders(b).size() == 1 && of(b, MedicationDispense.class).isEmpty())).isNotEmpty();
  }

  @Test
  void coversHistoryOnlyAsMedicationDispense() {
    assertThat(patientsWhere(b -> antidepressantOrders(b).isEmpty() && of(b, MedicationDispense.class).size() >= 2)).isNotEmpty();
  }

  @Test
  void coversAorticAneurysm() {
    assertThat(patientsWhere(b -> of(b, Condition.class).stream()
        .anyMatch(c -> c.getCode().getCoding().stream().anyMatch(x -> x.getCode().startsWith("I71."))))).isNotEmpty();
  }

  @Test
  void coversKetamineAllergy() {
    assertThat(patientsWhere(b -> of(b, AllergyIntolerance.class).stream()
        .anyMatch(a -> codedAs(a.getCode(), List.of("6130"))))).isNotEmpty();
  }

  @Test
  void coversUncontrolledBloodPressureInTheLast30Days() {
    assertThat(patientsWhere(b -> of(b, Observation.class).stream()
        .filter(o -> "85354-9".equals(o.getCode().getCodingFirstRep().getCode()))
        .filter(o -> o.getEffectiveDateTimeType().getValue().toInstant()
            .isAfter(ConsoleFixtures.NOW.minusDays(30).toInstant()))
        .anyMatch(o -> component(o, "8480-6") > 140 || component(o, "8462-4") > 90))).isNotEmpty();
  }

  @Test
  void coversPregnancy() {
    assertThat(patientsWhere(b -> of(b, Observation.class).stream()
        .anyMatch(o -> "82810-3".equals(o.getCode().getCodingFirstRep().getCode())
            && "77386006".equals(o.getValueCodeableConcept().getCodingFirstRep().getCode())))).isNotEmpty();
  }

  @Test
  void coversPsychosisHistoryWithABenzodiazepine() {
    assertThat(patientsWhere(b -> of(b, Condition.class).stream()
            .anyMatch(c -> c.getCode().getCoding().stream().anyMatch(x -> x.getCode().matches("F2[0-9].*|69322001")))
        && of(b, MedicationRequest.class).stream().anyMatch(m -> codedAs(m.getMedicationCodeableConcept(), List.of(LORAZEPAM_1_MG)))))
        .isNotEmpty();
  }

  @Test
  void coversAnAdolescent() {
    assertThat(demo.patientSummaries()).anySatisfy(p -> assertThat(p.age()).isBetween(12, 17));
  }

  @Test
  void everyResourceBelongsToItsPatientAndEveryMedicationIsRxNorm() {
    for (PatientSummary summary : demo.patientSummaries()) {
      Bundle bundle = bundle(summary.id());
      for (Resource resource : resources(bundle)) {
        for (String field : List.of("subject", "patient")) {
          Property property = resource.getNamedProperty(field);
          if (property != null && property.hasValues()) {
            assertThat(((Reference) property.getValues().get(0)).getReference())
                .as("%s %s", summary.id(), resource.getId()).isEqualTo("Patient/" + summary.id());
          }
        }
      }
      List<CodeableConcept> medications = new java.util.ArrayList<>();
      of(bundle, MedicationRequest.class).forEach(m -> medications.add(m.getMedicationCodeableConcept()));
      of(bundle, MedicationDispense.class).forEach(m -> medications.add(m.getMedicationCodeableConcept()));
      assertThat(medications).allSatisfy(concept -> assertThat(concept.getCoding())
          .allSatisfy(coding -> assertThat(coding.getSystem()).isEqualTo(RXNORM)).isNotEmpty());
    }
  }

  private List<String> patientsWhere(Predicate<Bundle> condition) {
    return demo.patientSummaries().stream().map(PatientSummary::id).filter(id -> condition.test(bundle(id))).toList();
  }

  private Bundle bundle(String id) {
    return demo.bundle(demo.patient(id).orElseThrow(), ConsoleFixtures.NOW);
  }

  private static List<Resource> resources(Bundle bundle) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
  }

  private static <T extends Resource> List<T> of(Bundle bundle, Class<T> type) {
    return resources(bundle).stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<MedicationRequest> antidepressantOrders(Bundle bundle) {
    return of(bundle, MedicationRequest.class).stream()
        .filter(m -> !codedAs(m.getMedicationCodeableConcept(), List.of(LORAZEPAM_1_MG))).toList();
  }

  private static boolean codedAs(CodeableConcept concept, List<String> codes) {
    return concept.getCoding().stream().map(Coding::getCode).anyMatch(codes::contains);
  }

  private static double component(Observation observation, String code) {
    return observation.getComponent().stream()
        .filter(c -> code.equals(c.getCode().getCodingFirstRep().getCode()))
        .mapToDouble(c -> c.getValueQuantity().getValue().doubleValue()).findFirst().orElse(0);
  }
}
