package org.ketaminecds.bench;

/**
 * How much history a synthetic patient has. Sized so that the order-sign prefetch (what an EHR answers to the
 * service's eight prefetch queries) holds about 30, 200 and 3,000 resources.
 *
 * @param years           length of the record
 * @param chronicMeds     long-term non-psychiatric medications, refilled for the whole record
 * @param trials          antidepressant trials in the record (the last ones inside the current episode)
 * @param refillDays      days of supply per order
 * @param visitsPerYear   outpatient visits (each: BP, heart rate, SpO2, weight, BMI; PHQ-9 at every second one)
 * @param labPanelsPerYear chemistry panels per year
 * @param inpatientStays  hospital stays of 4-6 days with vital signs every 4 hours
 * @param comorbidities   problem-list and encounter diagnoses besides depression
 */
enum PatientProfile {
  SMALL(1, 1, 2, 90, 5, 1, 0, 3),
  TYPICAL(3, 2, 3, 30, 9, 1, 0, 8),
  HEAVY(14, 9, 6, 30, 16, 3, 10, 18);

  final int years;
  final int chronicMeds;
  final int trials;
  final int refillDays;
  final int visitsPerYear;
  final int labPanelsPerYear;
  final int inpatientStays;
  final int comorbidities;

  PatientProfile(int years, int chronicMeds, int trials, int refillDays, int visitsPerYear, int labPanelsPerYear,
      int inpatientStays, int comorbidities) {
    this.years = years;
    this.chronicMeds = chronicMeds;
    this.trials = trials;
    this.refillDays = refillDays;
    this.visitsPerYear = visitsPerYear;
    this.labPanelsPerYear = labPanelsPerYear;
    this.inpatientStays = inpatientStays;
    this.comorbidities = comorbidities;
  }

  String wire() {
    return name().toLowerCase();
  }
}
