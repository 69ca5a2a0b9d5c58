package org.ketaminecds.codes;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Code systems named as some EHRs name them (an OID, a bare OID, a v2/DICOM designator or a title, a retired or stub
 * URI, a SNOMED CT edition), by their FHIR URI.
 */
final class CodeSystemUris {

  private CodeSystemUris() {}

  private static final Map<String, String> URI_BY_OID = Map.ofEntries(
      Map.entry("urn:oid:2.16.840.1.113883.6.96", "http://snomed.info/sct"),
      Map.entry("urn:oid:2.16.840.1.113883.6.88", "http://www.nlm.nih.gov/research/umls/rxnorm"),
      Map.entry("urn:oid:2.16.840.1.113883.6.1", "http://loinc.org"),
      Map.entry("urn:oid:2.16.840.1.113883.6.8", "http://unitsofmeasure.org"),
      Map.entry("urn:oid:2.16.840.1.113883.6.69", "http://hl7.org/fhir/sid/ndc"),
      Map.entry("urn:oid:2.16.840.1.113883.4.9", "http://fdasis.nlm.nih.gov"), // FDA UNII (HL7 THO NamingSystem)
      Map.entry("urn:oid:2.16.840.1.113883.6.90", CanonicalCodes.ICD10CM),
      Map.entry("urn:oid:2.16.840.1.113883.6.3", CanonicalCodes.ICD10),
      Map.entry("http://terminology.hl7.org/CodeSystem/icd10", CanonicalCodes.ICD10),
      Map.entry("urn:oid:2.16.840.1.113883.6.103", CanonicalCodes.ICD9CM),
      Map.entry("urn:oid:2.16.840.1.113883.6.2", CanonicalCodes.ICD9CM),
      Map.entry("http://terminology.hl7.org/CodeSystem/icd9cm", CanonicalCodes.ICD9CM));

  /**
   * A code system named by its designator or its name instead of a URI, as interfaces copy it from an HL7 v2 CWE.3
   * "name of coding system" or a CDA codeSystemName: the coding scheme designators of DICOM PS3.16 Table 8-1, which
   * HL7 v2 table 0396 shares for these systems (I10C ICD-10-CM UID 2.16.840.1.113883.6.90, I10 ICD-10 .6.3, I9C
   * ICD-9-CM .6.2, SCT SNOMED CT .6.96, RXNORM .6.88, LN LOINC .6.1, NDC .6.69, UCUM .6.8), and the systems' titles
   * (HL7 Terminology NamingSystem titles: "ICD-10-CM", "SNOMED CT", "LOINC", "RxNorm"), compared without case, blanks,
   * dashes or underscores. Designators that name a different system are left as sent: I10P (ICD-10-PCS), I9 (WHO
   * ICD-9), SRT and SNM3 (SNOMED RT / SNOMED V3 codes are not SNOMED CT codes). ICD-10 named so (I10, "ICD-10")
   * becomes the WHO ICD-10 URI; an ICD-10-CM code sent under it gains its ICD-10-CM coding as one sent under that URI
   * does ({@link Icd10CmCounterparts}). Before, an aneurysm coded I71.20 under "I10C", an intracerebral hemorrhage
   * under "ICD-10-CM" or an aortic dissection under "SCT", sent without display, gave no card (cases contra-codes-*).
   */
  private static final Map<String, String> URI_BY_NAME = Map.ofEntries(
      Map.entry("I10C", CanonicalCodes.ICD10CM),
      Map.entry("ICD10CM", CanonicalCodes.ICD10CM),
      Map.entry("I10", CanonicalCodes.ICD10),
      Map.entry("ICD10", CanonicalCodes.ICD10),
      Map.entry("I9C", CanonicalCodes.ICD9CM),
      Map.entry("ICD9CM", CanonicalCodes.ICD9CM),
      Map.entry("SCT", "http://snomed.info/sct"),
      Map.entry("SNOMEDCT", "http://snomed.info/sct"),
      Map.entry("RXNORM", "http://www.nlm.nih.gov/research/umls/rxnorm"),
      Map.entry("LN", "http://loinc.org"),
      Map.entry("LOINC", "http://loinc.org"),
      Map.entry("NDC", "http://hl7.org/fhir/sid/ndc"),
      Map.entry("UCUM", "http://unitsofmeasure.org"));

  /** A bare OID (no "urn:oid:"), as a CDA codeSystem attribute writes it. */
  private static final Pattern BARE_OID = Pattern.compile("[0-2](\\.[0-9]+)+");

  /** What a name is compared by: upper case, without blanks, dashes, underscores or dots. */
  private static final Pattern NAME_NOISE = Pattern.compile("[\\s_.-]+");

  /**
   * A SNOMED CT edition URI ({@code http://snomed.info/sct/731000124108}, optionally {@code /version/20250301}) sent
   * as the system: FHIR R4 (https://hl7.org/fhir/R4/snomedct.html) names SNOMED CT by {@code http://snomed.info/sct}
   * and puts the edition URI of the SNOMED CT URI Specification in Coding.version.
   */
  private static final Pattern SNOMED_EDITION = Pattern.compile("http://snomed\\.info/sct/([0-9]+(/version/[0-9]{8})?)?");

  /**
   * The system's FHIR URI when it is named by a known OID (with or without "urn:oid:"), a designator or title, or a
   * SNOMED CT edition, else as sent (null stays null).
   */
  static String canonical(String system) {
    if (system == null) {
      return null;
    }
    var uri = URI_BY_OID.get(system);
    if (uri != null) {
      return uri;
    }
    if (BARE_OID.matcher(system).matches()) { // the OID a CDA document names, copied without "urn:oid:"
      return URI_BY_OID.getOrDefault("urn:oid:" + system, system);
    }
    if (system.length() <= 12 && !system.contains(":")) { // a designator or title, never a URI
      var named = URI_BY_NAME.get(NAME_NOISE.matcher(system).replaceAll("").toUpperCase(java.util.Locale.ROOT));
      if (named != null) {
        return named;
      }
    }
    return system.startsWith("http://snomed.info/sct/") && SNOMED_EDITION.matcher(system).matches()
        ? "http://snomed.info/sct" : system;
  }
}
