package org.ketaminecds.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Timing;
import org.ketaminecds.bench.ClinicalCodes.Product;

/**
 * Orders, dispenses and patient-reported statements of one patient: chronic medications refilled for the whole
 * record, and antidepressant trials one after another (the last still active). About a third of the orders name
 * their product by {@code medicationReference} to a Medication (as Epic does), which the prefetch then includes.
 */
final class MedicationHistory {

  private final ClinicalCodes codes;
  private final String patientId;
  private final LocalDate today;
  private final Random random;
  private final Map<String, Medication> medications = new HashMap<>();
  private int sequence;

  MedicationHistory(ClinicalCodes codes, String patientId, LocalDate today, Random random) {
    this.codes = codes;
    this.patientId = patientId;
    this.today = today;
    this.random = random;
  }

  List<Resource> generate(PatientProfile profile, LocalDate start) {
    var resources = new ArrayList<Resource>();
    var chronic = new ArrayList<>(ClinicalCodes.CHRONIC_MEDICATIONS);
    for (int i = 0; i < profile.chronicMeds; i++) {
      var product = chronic.remove(random.nextInt(chronic.size()));
      var from = start.plusDays(random.nextInt(1 + (int) (start.until(today).toTotalMonths() * 10)));
      resources.addAll(course(product, from, today, i % 3 == 0 ? 90 : profile.refillDays, 1, true));
    }
    // trials back to back from the start of the record; the last two fall inside the current episode
    var ingredients = new ArrayList<>(codes.antidepressantIngredients());
    var totalDays = (int) java.time.temporal.ChronoUnit.DAYS.between(start, today);
    var trialDays = Math.max(56, totalDays / profile.trials);
    var from = start;
    for (int t = 0; t < profile.trials; t++) {
      var ingredient = ingredients.remove(random.nextInt(ingredients.size()));
      var products = codes.antidepressantsOf(ingredient);
      var product = products.get(random.nextInt(products.size()));
      var last = t == profile.trials - 1;
      var until = last ? today : from.plusDays(Math.min(trialDays, 56 + random.nextInt(Math.max(1, trialDays - 55))));
      resources.addAll(course(product, from, until, profile.refillDays, 1 + random.nextInt(2), last));
      if (random.nextInt(4) == 0) {
        resources.add(statement(product, from, last ? null : until));
      }
      from = until.plusDays(1 + random.nextInt(10));
    }
    resources.addAll(medications.values());
    return resources;
  }

  /** Orders every {@code refillDays} from {@code from} to {@code until}, each dispensed (most of the time). */
  private List<Resource> course(Product product, LocalDate from, LocalDate until, int refillDays, int perDay,
      boolean ongoing) {
    var resources = new ArrayList<Resource>();
    for (var date = from; !date.isAfter(until); date = date.plusDays(refillDays)) {
      var current = ongoing && date.plusDays(refillDays).isAfter(today);
      var request = request(product, date, refillDays, perDay, current);
      resources.add(request);
      if (date.plusDays(2).isBefore(today) && random.nextInt(10) < 9) {
        resources.add(dispense(product, request, date.plusDays(random.nextInt(3)), refillDays, perDay));
      }
    }
    return resources;
  }

  private MedicationRequest request(Product product, LocalDate authored, int days, int perDay, boolean current) {
    var request = new MedicationRequest();
    request.setId(patientId + "-mr-" + (++sequence));
    request.setStatus(current ? MedicationRequest.MedicationRequestStatus.ACTIVE
        : MedicationRequest.MedicationRequestStatus.COMPLETED);
    request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
    request.addCategory(PatientGenerator.concept(
        "http://terminology.hl7.org/CodeSystem/medicationrequest-category", "outpatient", "Outpatient"));
    if (random.nextInt(3) == 0) {
      request.setMedication(new Reference("Medication/" + medication(product).getIdPart()).setDisplay(product.display()));
    } else {
      request.setMedication(product(product));
    }
    request.setSubject(new Reference("Patient/" + patientId));
    request.setAuthoredOnElement(PatientGenerator.dateTime(authored));
    request.setRequester(new Reference("Practitioner/bench-prac-" + (1 + random.nextInt(6))));
    request.addDosageInstruction(dosage(product, perDay));
    var dispense = request.getDispenseRequest();
    dispense.setValidityPeriod(new Period().setStartElement(PatientGenerator.dateTime(authored))
        .setEndElement(PatientGenerator.dateTime(authored.plusYears(1))));
    dispense.setNumberOfRepeatsAllowed(0);
    dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(days * perDay).setUnit(product.unit()));
    dispense.setExpectedSupplyDuration((Duration) new Duration().setValue(days).setUnit("days")
        .setSystem(ClinicalCodes.UCUM).setCode("d"));
    return request;
  }

  private MedicationDispense dispense(Product product, MedicationRequest request, LocalDate handedOver, int days,
      int perDay) {
    var dispense = new MedicationDispense();
    dispense.setId(patientId + "-md-" + (++sequence));
    dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
    dispense.setMedication(product(product));
    dispense.setSubject(new Reference("Patient/" + patientId));
    dispense.addAuthorizingPrescription(new Reference("MedicationRequest/" + request.getIdPart()));
    dispense.setType(PatientGenerator.concept("http://terminology.hl7.org/CodeSystem/v3-ActPharmacySupplyType",
        "FF", "First Fill"));
    dispense.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(days * perDay).setUnit(product.unit()));
    dispense.setDaysSupply((SimpleQuantity) new SimpleQuantity().setValue(days).setUnit("day")
        .setSystem(ClinicalCodes.UCUM).setCode("d"));
    dispense.setWhenPreparedElement(PatientGenerator.dateTime(handedOver));
    dispense.setWhenHandedOverElement(PatientGenerator.dateTime(handedOver));
    dispense.addDosageInstruction(dosage(product, perDay));
    return dispense;
  }

  private MedicationStatement statement(Product product, LocalDate from, LocalDate until) {
    var statement = new MedicationStatement();
    statement.setId(patientId + "-ms-" + (++sequence));
    statement.setStatus(until == null ? MedicationStatement.MedicationStatementStatus.ACTIVE
        : MedicationStatement.MedicationStatementStatus.COMPLETED);
    statement.setMedication(product(product));
    statement.setSubject(new Reference("Patient/" + patientId));
    statement.setEffective(until == null ? new Period().setStartElement(PatientGenerator.dateTime(from))
        : new Period().setStartElement(PatientGenerator.dateTime(from))
            .setEndElement(PatientGenerator.dateTime(until)));
    statement.setDateAssertedElement(PatientGenerator.dateTime(from));
    statement.addDosage(new Dosage().setText("1 " + product.unit() + " by mouth daily (patient reported)"));
    return statement;
  }

  private Dosage dosage(Product product, int perDay) {
    var dosage = new Dosage();
    dosage.setSequence(1);
    dosage.setText("Take " + perDay + " " + product.unit() + (perDay > 1 ? "s" : "") + " "
        + (product.unit().equals("actuation") ? "by inhalation" : "by mouth") + (perDay == 1 ? " daily" : " twice daily"));
    dosage.setTiming(new Timing().setRepeat(new Timing.TimingRepeatComponent()
        .setFrequency(perDay).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.D)));
    dosage.setRoute(PatientGenerator.concept(ClinicalCodes.SNOMED,
        product.unit().equals("actuation") ? "447694001" : "26643006",
        product.unit().equals("actuation") ? "Respiratory tract route" : "Oral route"));
    dosage.addDoseAndRate().setDose(new Quantity().setValue(1).setUnit(product.unit()));
    return dosage;
  }

  private CodeableConcept product(Product product) {
    return new CodeableConcept().addCoding(new Coding(ClinicalCodes.RXNORM, product.rxcui(), product.display()))
        .setText(product.display());
  }

  private Medication medication(Product product) {
    return medications.computeIfAbsent(product.rxcui(), rxcui -> {
      var medication = new Medication();
      medication.setId("rxn-" + rxcui);
      medication.setCode(product(product));
      return medication;
    });
  }
}
