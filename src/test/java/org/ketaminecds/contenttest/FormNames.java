package org.ketaminecds.contenttest;

import java.util.Map;
import java.util.Set;

/** Constants the {@link SameMeaning} forms read: record types, date fields, systems and their other names. */
final class FormNames {
  static final Set<String> MEDICATIONS = Set.of("MedicationRequest", "MedicationDispense", "MedicationStatement");

  static final Set<String> DATE_TIMES = Set.of("authoredOn", "whenHandedOver", "whenPrepared", "effectiveDateTime",
      "onsetDateTime", "abatementDateTime", "recordedDate", "dateAsserted", "start", "end", "issued",
      "lastOccurrence");

  static final Map<String, String> OIDS = Map.of(
      "http://www.nlm.nih.gov/research/umls/rxnorm", "urn:oid:2.16.840.1.113883.6.88",
      "http://snomed.info/sct", "urn:oid:2.16.840.1.113883.6.96",
      "http://loinc.org", "urn:oid:2.16.840.1.113883.6.1",
      "http://hl7.org/fhir/sid/icd-10-cm", "urn:oid:2.16.840.1.113883.6.90");

  /** KetamineCommon "Standard Systems". */
  static final Set<String> STANDARD_SYSTEMS = Set.of(
      "http://www.nlm.nih.gov/research/umls/rxnorm", "http://snomed.info/sct", "http://loinc.org",
      "http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icd-9-cm");

  static final String BASE = "https://ehr.example.org/api/FHIR/R4/";

  /** A release of each standard system, in the form each publisher names its releases. */
  static final Map<String, String> VERSIONS = Map.of(
      "http://www.nlm.nih.gov/research/umls/rxnorm", "10062025",
      "http://snomed.info/sct", "http://snomed.info/sct/731000124108/version/20250901",
      "http://loinc.org", "2.81",
      "http://hl7.org/fhir/sid/icd-10-cm", "2026");


  private FormNames() {}
}
