package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.cql.CqlFixtures.ESCITALOPRAM;
import static org.ketaminecds.cql.CqlFixtures.ICD10;
import static org.ketaminecds.cql.CqlFixtures.RXNORM;
import static org.ketaminecds.cql.CqlFixtures.SERTRALINE;
import static org.ketaminecds.cql.CqlFixtures.condition;
import static org.ketaminecds.cql.CqlFixtures.medicationRequest;
import static org.ketaminecds.cql.CqlFixtures.patient;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;
import org.opencds.cqf.cql.engine.model.CachingModelResolverDecorator;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Interval;

class InMemoryRetrieveProviderTests {

  private static final String ANTIDEPRESSANTS = "http://ketamine-cds.org/fhir/ValueSet/antidepressants";
  private static final ModelResolver MODEL = new CachingModelResolverDecorator(new R4FhirModelResolver(CqlFixtures.FHIR));
  private static final InMemoryTerminologyProvider TERMINOLOGY = new InMemoryTerminologyProvider(Map.of(
      ANTIDEPRESSANTS, List.of(new Code().withSystem(RXNORM).withCode(SERTRALINE))));

  @Test
  void retrievesByValueSetOnTheMedicationChoiceType() {
    var provider = provider(
        medicationRequest("m1", "p1", SERTRALINE, "2026-01-10"),
        medicationRequest("m2", "p1", "999999", "2026-01-10"));

    assertThat(ids(retrieve(provider, "MedicationRequest", "subject", "medication", null, ANTIDEPRESSANTS))).containsExactly("m1");
  }

  @Test
  void neverMatchesAMedicationReferenceByCode() {
    MedicationRequest byReference = medicationRequest("m1", "p1", SERTRALINE, "2026-01-10");
    byReference.setMedication(new Reference("Medication/sertraline"));

    assertThat(retrieve(provider(byReference), "MedicationRequest", "subject", "medication", null, ANTIDEPRESSANTS)).isEmpty();
  }

  @Test
  void retrievesByCode() {
    var provider = provider(condition("c1", "p1", ICD10, "F33.2"), condition("c2", "p1", ICD10, "F41.1"));
    List<Code> codes = List.of(new Code().withSystem(ICD10).withCode("F33.2"));

    assertThat(ids(retrieve(provider, "Condition", "subject", "code", codes, null))).containsExactly("c1");
  }

  @Test
  void excludesResourcesOfAnotherPatient() {
    var provider = provider(
        medicationRequest("mine", "p1", SERTRALINE, "2026-01-10"),
        medicationRequest("theirs", "p2", SERTRALINE, "2026-01-10"),
        patient("p1"), patient("p2"));

    assertThat(ids(retrieve(provider, "MedicationRequest", "subject", null, null, null))).containsExactly("mine");
    assertThat(ids(retrieve(provider, "Patient", "id", null, null, null))).containsExactly("p1");
  }

  @Test
  void acceptsAnAbsolutePatientReference() {
    MedicationRequest absolute = medicationRequest("m1", "p1", SERTRALINE, "2026-01-10");
    absolute.setSubject(new Reference("https://ehr.example.org/fhir/Patient/p1"));

    assertThat(ids(retrieve(provider(absolute), "MedicationRequest", "subject", null, null, null))).containsExactly("m1");
  }

  @Test
  void acceptsAPatientReferenceAsUrnUuidAsSyntheaWritesIt() {
    String patientId = "5b1c2a4e-7d2f-4f5e-9a51-0c1d2e3f4a5b";
    MedicationRequest mine = medicationRequest("m1", patientId, SERTRALINE, "2026-01-10");
    mine.setSubject(new Reference("urn:uuid:" + patientId));
    MedicationRequest theirs = medicationRequest("m2", patientId, SERTRALINE, "2026-01-10");
    theirs.setSubject(new Reference("urn:uuid:0f0e0d0c-0000-4000-8000-000000000000"));

    var found = provider(mine, theirs, patient(patientId)).retrieve("Patient", "subject", patientId,
        "MedicationRequest", null, null, null, null, null, null, null, null);

    assertThat(ids(found)).containsExactly("m1");
  }

  @Test
  void returnsResourcesWithoutAPatientLinkInPatientContext() {
    Medication medication = new Medication();
    medication.setId("med1");

    assertThat(ids(retrieve(provider(medication), "Medication", null, null, null, null))).containsExactly("med1");
  }

  @Test
  void filtersOnTheDatePathWhenTheEngineGivesARange() {
    var provider = provider(
        medicationRequest("old", "p1", ESCITALOPRAM, "2024-01-10"),
        medicationRequest("recent", "p1", ESCITALOPRAM, "2026-01-10"));
    Interval lastYear = new Interval(
        new DateTime(OffsetDateTime.parse("2025-06-01T00:00:00Z")), true,
        new DateTime(OffsetDateTime.parse("2026-06-01T00:00:00Z")), true);

    var found = provider.retrieve("Patient", "subject", "p1", "MedicationRequest", null, null, null, null,
        "authoredOn", null, null, lastYear);

    assertThat(ids(found)).containsExactly("recent");
  }

  private static InMemoryRetrieveProvider provider(Resource... resources) {
    return new InMemoryRetrieveProvider(List.of(resources), MODEL, TERMINOLOGY);
  }

  private static Iterable<Object> retrieve(
      InMemoryRetrieveProvider provider, String type, String contextPath, String codePath, List<Code> codes, String valueSet) {
    return provider.retrieve("Patient", contextPath, "p1", type, null, codePath, codes, valueSet, null, null, null, null);
  }

  private static List<String> ids(Iterable<Object> resources) {
    List<String> ids = new ArrayList<>();
    resources.forEach(r -> ids.add(((Resource) r).getIdElement().getIdPart()));
    return ids;
  }
}
