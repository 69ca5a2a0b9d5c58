package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.MedicationReferenceResolutionTests.codes;
import static org.ketaminecds.prefetch.MedicationReferenceResolutionTests.originalReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class MedicationReferencesTests {

  private static final String BASE = "https://ehr.example.org/fhir";

  private final MedicationReferences references = new MedicationReferences();
  private final Medication ket2 = FhirFixtures.resource("Medication-ket2.json", Medication.class);
  private final Function<String, Optional<Medication>> known =
      id -> Optional.ofNullable(Map.of("ket2", ket2).get(id));

  @Test
  void usesTheIngredientCodingsOfAMedicationWithoutACode() {
    Medication ingredientOnly = FhirFixtures.resource("Medication-ingredient-only.json", Medication.class);

    CodeableConcept concept = MedicationReferences.concept(ingredientOnly);

    assertThat(codes(concept)).containsExactly("6130");
    assertThat(concept.getText()).isEqualTo("Compounded ketamine oral troche");
  }

  @Test
  void resolvesDispensesStatementsAndAdministrationsToo() {
    MedicationDispense dispense = new MedicationDispense().setMedication(new Reference("Medication/ket2"));
    MedicationStatement statement = new MedicationStatement().setMedication(new Reference(BASE + "/Medication/ket2"));
    MedicationAdministration administration =
        new MedicationAdministration().setMedication(new Reference("Medication/ket2"));

    references.resolve(dispense, known, BASE);
    references.resolve(statement, known, BASE);
    references.resolve(administration, known, BASE);

    assertThat(codes(dispense.getMedicationCodeableConcept())).containsExactly("6130");
    assertThat(codes(statement.getMedicationCodeableConcept())).containsExactly("6130");
    assertThat(originalReference(statement.getMedicationCodeableConcept()).getReference())
        .isEqualTo(BASE + "/Medication/ket2");
    assertThat(codes(administration.getMedicationCodeableConcept())).containsExactly("6130");
  }

  @Test
  void neitherResolvesNorFetchesAMedicationOnAnotherServer() {
    MedicationDispense dispense =
        new MedicationDispense().setMedication(new Reference("https://other.example.com/fhir/Medication/ket2"));

    references.resolve(dispense, known, BASE);

    assertThat(dispense.hasMedicationReference()).isTrue();
    assertThat(references.missing(List.of(dispense), id -> Optional.empty(), BASE)).isEmpty();
  }

  @Test
  void listsOnlyMedicationsThatAreNeitherContainedNorKnown() {
    MedicationDispense knownOne = new MedicationDispense().setMedication(new Reference("Medication/ket2"));
    MedicationDispense unknownOne = new MedicationDispense().setMedication(new Reference("Medication/ket9"));

    assertThat(references.missing(List.of(knownOne, unknownOne), known, BASE)).containsExactly("ket9");
  }

  @Test
  void readsAMedicationWithoutCodesByItsName() {
    Medication uncoded = new Medication();
    uncoded.getCode().setText("Ketamine 100 mg sublingual troche (compounded)");
    MedicationDispense dispense = new MedicationDispense().setMedication(new Reference("Medication/x1"));

    references.resolve(dispense, id -> Optional.of(uncoded), BASE);

    assertThat(dispense.getMedicationCodeableConcept().getText())
        .isEqualTo("Ketamine 100 mg sublingual troche (compounded)");
    assertThat(dispense.getMedicationCodeableConcept().hasCoding()).isFalse();
    assertThat(originalReference(dispense.getMedicationCodeableConcept()).getReference()).isEqualTo("Medication/x1");
  }

  @Test
  void namesAMedicationWithoutCodeOrTextByItsIngredients() {
    Medication compounded = new Medication();
    compounded.addIngredient().setItem(new CodeableConcept().setText("ketamine hydrochloride"));
    compounded.addIngredient().setItem(new CodeableConcept().setText("lidocaine"));

    assertThat(MedicationReferences.concept(compounded).getText()).isEqualTo("ketamine hydrochloride / lidocaine");
  }

  @Test
  void leavesTheReferenceWhenTheMedicationHasNeitherCodesNorAName() {
    MedicationDispense dispense = new MedicationDispense().setMedication(new Reference("Medication/x1"));

    references.resolve(dispense, id -> Optional.of(new Medication()), BASE);

    assertThat(dispense.getMedicationReference().getReference()).isEqualTo("Medication/x1");
  }

  @Test
  void addsTheIngredientCodingsToACodedMedication() {
    Medication local = new Medication();
    local.getCode().addCoding().setSystem("http://ehr.example.org/med").setCode("4521");
    local.addIngredient().setItem(new CodeableConcept().addCoding(
        new org.hl7.fhir.r4.model.Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "6130", "ketamine")));

    CodeableConcept concept = MedicationReferences.concept(local);

    assertThat(codes(concept)).containsExactly("4521", "6130");
    assertThat(concept.getText()).isEqualTo("ketamine");
  }

  @Test
  void keepsTheReferenceDisplayWhenTheMedicationHasNoText() {
    Medication local = new Medication();
    local.getCode().addCoding().setSystem("http://ehr.example.org/med").setCode("4521");
    MedicationDispense dispense = new MedicationDispense()
        .setMedication(new Reference("Medication/x1").setDisplay("ketamine 50 mg/mL injection"));

    references.resolve(dispense, id -> Optional.of(local), BASE);

    assertThat(dispense.getMedicationCodeableConcept().getText()).isEqualTo("ketamine 50 mg/mL injection");
  }

  @Test
  void carriesTheDoseFormAndNamesAnIngredientGivenByReference() {
    Medication troche = new Medication();
    troche.getForm().setText("Troche");
    troche.addIngredient().setItem(new Reference().setDisplay("Ketamine HCl"));

    CodeableConcept concept = MedicationReferences.concept(troche);

    assertThat(concept.getText()).isEqualTo("Ketamine HCl");
    assertThat(((CodeableConcept) concept.getExtensionByUrl(MedicationReferences.FORM_EXTENSION_URL).getValue())
        .getText()).isEqualTo("Troche");
  }
}
