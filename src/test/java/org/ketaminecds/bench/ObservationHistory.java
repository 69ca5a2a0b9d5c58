package org.ketaminecds.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.ketaminecds.bench.ClinicalCodes.Lab;

/**
 * Vital signs (BP panel, heart rate, SpO2, weight, BMI), PHQ-9 totals, chemistry panels and urine hCG tests of one
 * patient over the record: at outpatient visits, every 4 hours during inpatient stays, and one visit in the last
 * two weeks so a recent blood pressure exists.
 */
final class ObservationHistory {

  private final String patientId;
  private final LocalDate today;
  private final Random random;
  private final double systolicBase;
  private final double weightKg;
  private int sequence;

  ObservationHistory(String patientId, LocalDate today, Random random) {
    this.patientId = patientId;
    this.today = today;
    this.random = random;
    this.systolicBase = 112 + random.nextInt(22);
    this.weightKg = 58 + random.nextInt(45);
  }

  List<Resource> generate(PatientProfile profile, LocalDate start, boolean female) {
    var observations = new ArrayList<Resource>();
    var days = (int) java.time.temporal.ChronoUnit.DAYS.between(start, today);
    int visits = Math.max(1, profile.visitsPerYear * profile.years);
    for (int v = 0; v < visits; v++) {
      var when = start.atTime(8 + random.nextInt(9), random.nextInt(60)).plusDays(random.nextInt(days));
      observations.addAll(vitals(when));
      if (v % 2 == 0) {
        observations.add(quantity("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
            "survey", when, 6 + random.nextInt(18), "{score}"));
      }
      if (female && random.nextInt(6) == 0) {
        observations.add(hcg(when));
      }
    }
    observations.addAll(vitals(today.minusDays(1 + random.nextInt(13)).atTime(10, random.nextInt(60))));
    for (int p = 0; p < profile.labPanelsPerYear * profile.years; p++) {
      var when = start.atTime(7, random.nextInt(60)).plusDays(random.nextInt(days));
      for (Lab lab : ClinicalCodes.LABS) {
        var value = BigDecimal.valueOf(lab.mean() + random.nextGaussian() * lab.sd()).setScale(lab.decimals(),
            RoundingMode.HALF_UP);
        observations.add(quantity(lab.loinc(), lab.display(), "laboratory", when, value, lab.unit()));
      }
    }
    for (int s = 0; s < profile.inpatientStays; s++) {
      var admitted = start.atTime(14, 0).plusDays(random.nextInt(Math.max(1, days - 7)));
      int length = 4 + random.nextInt(3);
      for (int h = 0; h < length * 24; h += 4) {
        observations.addAll(vitals(admitted.plusHours(h)).subList(0, 3));
      }
    }
    return observations;
  }

  private List<Observation> vitals(LocalDateTime when) {
    int systolic = (int) Math.round(systolicBase + random.nextGaussian() * 9);
    int diastolic = (int) Math.round(systolic * 0.62 + random.nextGaussian() * 5);
    var bp = observation("85354-9", "Blood pressure panel with all children optional", "vital-signs", when);
    bp.addComponent().setCode(loinc("8480-6", "Systolic blood pressure")).setValue(mmHg(systolic));
    bp.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure")).setValue(mmHg(diastolic));
    double kg = weightKg + random.nextGaussian() * 1.5;
    return List.of(bp,
        quantity("8867-4", "Heart rate", "vital-signs", when, 62 + random.nextInt(30), "/min"),
        quantity("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "vital-signs", when,
            94 + random.nextInt(6), "%"),
        quantity("29463-7", "Body weight", "vital-signs", when, BigDecimal.valueOf(kg).setScale(1, RoundingMode.HALF_UP),
            "kg"),
        quantity("39156-5", "Body mass index (BMI) [Ratio]", "vital-signs", when,
            BigDecimal.valueOf(kg / 2.89).setScale(1, RoundingMode.HALF_UP), "kg/m2"));
  }

  private Observation hcg(LocalDateTime when) {
    var test = observation("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", "laboratory", when);
    test.setValue(PatientGenerator.concept(ClinicalCodes.SNOMED, "260385009", "Negative"));
    return test;
  }

  private Observation quantity(String code, String display, String category, LocalDateTime when, Object value,
      String unit) {
    var observation = observation(code, display, category, when);
    var number = value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).longValue());
    observation.setValue(new Quantity().setValue(number).setUnit(unit).setSystem(ClinicalCodes.UCUM).setCode(unit));
    return observation;
  }

  private Observation observation(String code, String display, String category, LocalDateTime when) {
    var observation = new Observation();
    observation.setId(patientId + "-obs-" + (++sequence));
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(PatientGenerator.concept(
        "http://terminology.hl7.org/CodeSystem/observation-category", category, null));
    observation.setCode(loinc(code, display).setText(display));
    observation.setSubject(new Reference("Patient/" + patientId));
    observation.setEffective(new DateTimeType(Date.from(when.toInstant(ZoneOffset.UTC)), TemporalPrecisionEnum.SECOND,
        java.util.TimeZone.getTimeZone("UTC")));
    return observation;
  }

  private static CodeableConcept loinc(String code, String display) {
    return new CodeableConcept().addCoding(new Coding(ClinicalCodes.LOINC, code, display));
  }

  private static Quantity mmHg(int value) {
    return new Quantity().setValue(value).setUnit("mmHg").setSystem(ClinicalCodes.UCUM).setCode("mm[Hg]");
  }
}
