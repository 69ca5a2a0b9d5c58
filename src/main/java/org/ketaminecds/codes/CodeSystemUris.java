package org.ketaminecds.codes;

import java.util.Map;
import java.util.regex.Pattern;

/** Code systems named as some EHRs name them (an OID, a retired or stub URI, a SNOMED CT edition), by their FHIR URI. */
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
   * A SNOMED CT edition URI ({@code http://snomed.info/sct/731000124108}, optionally {@code /version/20250301}) sent
   * as the system: FHIR R4 (https://hl7.org/fhir/R4/snomedct.html) names SNOMED CT by {@code http://snomed.info/sct}
   * and puts the edition URI of the SNOMED CT URI Specification in Coding.version.
   */
  private static final Pattern SNOMED_EDITION = Pattern.compile("http://snomed\\.info/sct/([0-9]+(/version/[0-9]{8})?)?");

  /** The system's FHIR URI when it is named by a known OID or a SNOMED CT edition, else as sent (null stays null). */
  static String canonical(String system) {
    if (system == null) {
      return null;
    }
    var uri = URI_BY_OID.get(system);
    if (uri != null) {
      return uri;
    }
    return system.startsWith("http://snomed.info/sct/") && SNOMED_EDITION.matcher(system).matches()
        ? "http://snomed.info/sct" : system;
  }
}
