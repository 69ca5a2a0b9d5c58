package org.ketaminecds.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * An ICD-10 (WHO) coding read as the ICD-10-CM code it is written as: the concept gains, after the codings sent, the
 * same code and display under {@code http://hl7.org/fhir/sid/icd-10-cm}, unless that coding is already there.
 *
 * <p>Interfaces that do not tell the US clinical modification from its parent send ICD-10-CM codes under the WHO URI
 * {@code http://hl7.org/fhir/sid/icd-10} (or its OID, or the HL7 stub URI, which {@link CanonicalCodes} rewrites to
 * it first). The rules' category prefixes read both systems already, but value-set membership (VSAC Major Depression,
 * bipolar disorder, substance use) is by ICD-10-CM code: before, an MDD coded F33.2 under the WHO URI opened no episode
 * ("TRD not met" for 668 example cases whose codes were moved to that URI, `RealWorldDataContentTests`
 * ICD10CM_UNDER_THE_WHO_ICD10_SYSTEM). A genuine WHO code means what the same ICD-10-CM code means: WHO lets national
 * modifications add codes and characters but not change the meaning of the three-character categories and
 * four-character codes (K. Giannangelo, AHIMA, library.ahima.org/doc?oid=59757; cited in KetamineTerminology.cql);
 * a longer code is not a WHO code, so it is an ICD-10-CM code under the wrong label.
 */
final class Icd10CmCounterparts {

  private Icd10CmCounterparts() {}

  /** A JSON CodeableConcept (any object with a {@code coding} array), its codings already canonical. */
  static void add(ObjectNode concept) {
    if (!(concept.get("coding") instanceof ArrayNode codings)) {
      return;
    }
    List<ObjectNode> counterparts = null;
    for (JsonNode coding : codings) {
      var code = coding.path("code");
      if (CanonicalCodes.ICD10.equals(coding.path("system").asText(null)) && code.isTextual()
          && !hasIcd10Cm(codings, code.textValue())) {
        var counterpart = ((ObjectNode) coding).deepCopy();
        counterpart.put("system", CanonicalCodes.ICD10CM);
        counterpart.remove(List.of("version", "userSelected"));
        counterparts = counterparts == null ? new ArrayList<>() : counterparts;
        counterparts.add(counterpart);
      }
    }
    if (counterparts != null) {
      counterparts.forEach(codings::add);
    }
  }

  /** A parsed CodeableConcept, its codings already canonical. */
  static void add(CodeableConcept concept) {
    List<Coding> counterparts = null;
    for (var coding : concept.getCoding()) {
      if (CanonicalCodes.ICD10.equals(coding.getSystem()) && coding.hasCode()
          && concept.getCoding().stream().noneMatch(other ->
              CanonicalCodes.ICD10CM.equals(other.getSystem()) && coding.getCode().equals(other.getCode()))) {
        counterparts = counterparts == null ? new ArrayList<>() : counterparts;
        counterparts.add(new Coding(CanonicalCodes.ICD10CM, coding.getCode(), coding.getDisplay()));
      }
    }
    if (counterparts != null) {
      counterparts.forEach(concept::addCoding);
    }
  }

  private static boolean hasIcd10Cm(ArrayNode codings, String code) {
    for (JsonNode coding : codings) {
      if (CanonicalCodes.ICD10CM.equals(coding.path("system").asText(null)) && code.equals(coding.path("code").asText(null))) {
        return true;
      }
    }
    return false;
  }
}
