package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.core.io.DefaultResourceLoader;

/** The cql feature's one fixture builder: loaders over a content location, and small FHIR resources. */
final class CqlFixtures {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String TEST_CONTENT = "classpath:cql-fixtures/";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String LOINC = "http://loinc.org";
  static final String SERTRALINE = "312940";
  static final String ESCITALOPRAM = "351250";

  private CqlFixtures() {}

  /** A loader that always translates (no precompiled ELM). */
  static CqlLibraryLoader loader(String location, Map<String, String> parameters) {
    return loader(location, parameters, PrecompiledElm.none());
  }

  static CqlLibraryLoader loader(String location, Map<String, String> parameters, PrecompiledElm elm) {
    return new CqlLibraryLoader(
        FHIR, new DefaultResourceLoader(), new CqlContentProperties(location), new CqlProperties(parameters), elm);
  }

  static CqlLibraries load(String location, Map<String, String> parameters) {
    return loader(location, parameters).load();
  }

  /** Copies the test content ({@link #TEST_CONTENT}: CQL and vocabulary) into a folder. */
  static void copyTestContent(Path target) throws IOException {
    Path source = Path.of("src/test/resources/cql-fixtures");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
  }

  static Patient patient(String id) {
    Patient patient = new Patient();
    patient.setId(id);
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-06-15"));
    return patient;
  }

  static MedicationRequest medicationRequest(String id, String patientId, String rxnorm, String authoredOn) {
    MedicationRequest request = new MedicationRequest();
    request.setId(id);
    request.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.setSubject(new Reference("Patient/" + patientId));
    request.setMedication(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(RXNORM, rxnorm, null)));
    request.setAuthoredOnElement(new DateTimeType(authoredOn));
    return request;
  }

  static Condition condition(String id, String patientId, String system, String code) {
    Condition condition = new Condition();
    condition.setId(id);
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(system, code, null)));
    return condition;
  }

  static Observation phq9(String id, String patientId, int score, String effective) {
    Observation observation = new Observation();
    observation.setId(id);
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.setSubject(new Reference("Patient/" + patientId));
    observation.setCode(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(LOINC, "44261-6", null)));
    observation.setValue(new IntegerType(score));
    observation.setEffective(new DateTimeType(effective));
    return observation;
  }
}
