package org.ketaminecds.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.bench.ClinicalCodes.Diagnosis;

/**
 * Seeded synthetic patients with depression: demographics, problem list, allergies, years of medication history
 * ({@link MedicationHistory}) and observations ({@link ObservationHistory}). The same seed, profile and date give
 * the same chart. Dates are relative to {@code today} so the clinical windows (current episode, recent BP) apply.
 */
final class PatientGenerator {

  private static final String[] FAMILY = {"Garcia", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Tanaka",
      "Johnson", "Silva", "Murphy", "Cohen", "Ivanova", "Patel", "Mensah", "Larsen", "Moreau"};
  private static final String[] GIVEN_F = {"Maria", "Anh", "Chiamaka", "Anna", "Zofia", "Leila", "Yuki", "Emily"};
  private static final String[] GIVEN_M = {"Jose", "Minh", "Emeka", "Lukas", "Piotr", "Omar", "Kenji", "James"};

  private final ClinicalCodes codes;
  private final LocalDate today;

  PatientGenerator(ClinicalCodes codes, LocalDate today) {
    this.codes = codes;
    this.today = today;
  }

  /** Patient number {@code index} of a profile: id {@code bench-<profile>-<index>}, seeded by both. */
  SyntheticPatient generate(PatientProfile profile, int index) {
    return generate(profile, index, true);
  }

  /**
   * The same; without {@code depression} the major depression diagnosis is left off the problem list (everything
   * else, antidepressant history included, is as with it: e.g. anxiety treated with SSRIs), the chart most
   * patient-view calls open.
   */
  SyntheticPatient generate(PatientProfile profile, int index, boolean depression) {
    var random = new Random(31L * profile.ordinal() + 1_000_003L * index + 7);
    var id = "bench-" + profile.wire() + "-" + index;
    var resources = new ArrayList<Resource>();
    var patient = patient(id, random);
    resources.add(patient);
    var start = today.minusYears(profile.years).minusDays(random.nextInt(60));
    var conditions = conditions(id, profile, start, random);
    if (!depression) {
      conditions.remove(0); // dx-0, the major depression; the random draws stay the same
    }
    resources.addAll(conditions);
    resources.addAll(allergies(id, random));
    var female = patient.getGender() == AdministrativeGender.FEMALE;
    resources.addAll(new MedicationHistory(codes, id, today, random).generate(profile, start));
    resources.addAll(new ObservationHistory(id, today, random).generate(profile, start, female));
    return new SyntheticPatient(id, profile, List.copyOf(resources));
  }

  private Patient patient(String id, Random random) {
    var female = random.nextInt(100) < 62; // women are about 60% of adults treated for major depression
    var patient = new Patient();
    patient.setId(id);
    patient.addIdentifier(new Identifier().setSystem("urn:oid:2.16.840.1.113883.3.9999.1").setValue(
        "MRN" + (1_000_000 + random.nextInt(8_999_999))));
    patient.setActive(true);
    patient.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL)
        .setFamily(FAMILY[random.nextInt(FAMILY.length)])
        .addGiven(female ? GIVEN_F[random.nextInt(GIVEN_F.length)] : GIVEN_M[random.nextInt(GIVEN_M.length)]));
    patient.setGender(female ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(
        java.sql.Date.valueOf(today.minusYears(22 + random.nextInt(48)).minusDays(random.nextInt(365)))));
    patient.addAddress().setCity("Springfield").setState("MA").setPostalCode("01103").setCountry("US");
    return patient;
  }

  private List<Condition> conditions(String patientId, PatientProfile profile, LocalDate start, Random random) {
    var conditions = new ArrayList<Condition>();
    var mdd = ClinicalCodes.MAJOR_DEPRESSION.get(random.nextInt(ClinicalCodes.MAJOR_DEPRESSION.size()));
    conditions.add(condition(patientId, "dx-0", mdd, start.plusDays(random.nextInt(30)), null, true));
    var pool = new ArrayList<>(ClinicalCodes.COMORBIDITIES);
    for (int i = 1; i <= profile.comorbidities; i++) {
      var diagnosis = pool.get(random.nextInt(pool.size()));
      if (diagnosis.chronic()) {
        pool.remove(diagnosis); // a chronic problem is listed once; acute ones recur
      }
      var onset = start.plusDays(random.nextInt((int) Math.max(1, start.until(today).toTotalMonths() * 30)));
      var resolved = diagnosis.chronic() ? null : onset.plusDays(7 + random.nextInt(21));
      conditions.add(condition(patientId, "dx-" + i, diagnosis, onset,
          resolved != null && resolved.isAfter(today) ? null : resolved, diagnosis.chronic()));
    }
    return conditions;
  }

  private static Condition condition(String patientId, String suffix, Diagnosis diagnosis, LocalDate onset,
      LocalDate abatement, boolean problemList) {
    var condition = new Condition();
    condition.setId(patientId + "-" + suffix);
    condition.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
        abatement == null ? "active" : "resolved", abatement == null ? "Active" : "Resolved"));
    condition.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
        "confirmed", "Confirmed"));
    condition.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category",
        problemList ? "problem-list-item" : "encounter-diagnosis",
        problemList ? "Problem List Item" : "Encounter Diagnosis"));
    condition.setCode(new CodeableConcept()
        .addCoding(new Coding(ClinicalCodes.ICD10, diagnosis.icd10(), diagnosis.display()))
        .addCoding(new Coding(ClinicalCodes.SNOMED, diagnosis.snomed(), null))
        .setText(diagnosis.display()));
    condition.setSubject(new Reference("Patient/" + patientId));
    condition.setOnset(dateTime(onset));
    if (abatement != null) {
      condition.setAbatement(dateTime(abatement));
    }
    condition.setRecordedDateElement(dateTime(onset));
    return condition;
  }

  private static List<AllergyIntolerance> allergies(String patientId, Random random) {
    var allergies = new ArrayList<AllergyIntolerance>();
    String[][] substances = {{"764146007", "Penicillin", "247472004", "Wheal"},
        {"387406002", "Sulfonamide", "271807003", "Eruption of skin"},
        {"387458008", "Aspirin", "267036007", "Dyspnea"}, {"256349002", "Peanut - dietary", "39579001", "Anaphylaxis"}};
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      var substance = substances[(i + random.nextInt(substances.length)) % substances.length];
      var allergy = new AllergyIntolerance();
      allergy.setId(patientId + "-alg-" + i);
      allergy.setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
          "active", "Active"));
      allergy.setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
          "confirmed", "Confirmed"));
      allergy.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
      allergy.addCategory(substance[1].contains("dietary")
          ? AllergyIntolerance.AllergyIntoleranceCategory.FOOD
          : AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
      allergy.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
      allergy.setCode(concept(ClinicalCodes.SNOMED, substance[0], substance[1]).setText(substance[1]));
      allergy.setPatient(new Reference("Patient/" + patientId));
      allergy.addReaction().addManifestation(concept(ClinicalCodes.SNOMED, substance[2], substance[3]));
      allergies.add(allergy);
    }
    return allergies;
  }

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept().addCoding(new Coding(system, code, display));
  }

  static DateTimeType dateTime(LocalDate date) {
    return new DateTimeType(date.toString());
  }
}
