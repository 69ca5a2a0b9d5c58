package org.ketaminecds.codes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;

/**
 * Codes as EHRs send them, written the way the value sets and the CQL list them, before anything matches them (the
 * resource filter, the retrieve's code index, value-set membership, the CQL's own code tests):
 *
 * <ul>
 *   <li>a code system named by its OID ({@code urn:oid:2.16.840.1.113883.6.88}) gets its FHIR URI
 *       ({@code http://www.nlm.nih.gov/research/umls/rxnorm}); the pairs are the FHIR R4 table of terminology
 *       identifiers, https://hl7.org/fhir/r4/namingsystem-terminologies.html (C-CDA converters and some interfaces
 *       send the OID);
 *   <li>ICD-9-CM named by its OID ({@code urn:oid:2.16.840.1.113883.6.103}, or the retired {@code .6.2}) or by the HL7
 *       Terminology URI {@code http://terminology.hl7.org/CodeSystem/icd9cm} gets {@code http://hl7.org/fhir/sid/icd-9-cm};
 *   <li>ICD-10 (WHO) named by its OID ({@code urn:oid:2.16.840.1.113883.6.3}) or by the HL7 Terminology stub URI
 *       ({@code http://terminology.hl7.org/CodeSystem/icd10}) gets the FHIR system URI {@code http://hl7.org/fhir/sid/icd-10}
 *       (HL7 Terminology NamingSystem icd10: OID 2.16.840.1.113883.6.3, preferred URI http://hl7.org/fhir/sid/icd-10;
 *       the stub "should not be used in implementations", so some do);
 *   <li>an ICD-10-CM or ICD-10 (WHO) code written without its dot ({@code I671}, {@code F332}: claims and some problem
 *       lists) gets the dot after its category ({@code I67.1}), and one written in lower case ({@code f20.9}) its
 *       capitals, as ICD-10-CM, ICD-10 and their FHIR systems write them;
 *   <li>an ICD-10 (WHO) coding is followed by the same code under ICD-10-CM ({@link Icd10CmCounterparts});
 *   <li>a SNOMED CT edition URI sent as the system gets {@code http://snomed.info/sct}.
 * </ul>
 *
 * And every text value spaced as the rules read it ({@link CanonicalText}: white space collapsed, blank values
 * dropped), in the same pass. Anything else is left as sent. Without this, an aneurysm coded {@code I671} or RxNorm codes under the OID matched
 * no value set: a missed contraindication, or trials not counted.
 */
public final class CanonicalCodes {

  public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

  /** ICD-10 as the WHO publishes it (FHIR system identifier http://hl7.org/fhir/sid/icd-10). */
  public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";

  /**
   * ICD-9-CM diagnosis codes (HL7 Terminology NamingSystem ICD-9CM-diagnosiscodes: OID 2.16.840.1.113883.6.103,
   * preferred URI http://hl7.org/fhir/sid/icd-9-cm). The retired NamingSystem icd9cm (OID 2.16.840.1.113883.6.2, URI
   * http://terminology.hl7.org/CodeSystem/icd9cm) names the same classification and is rewritten to it too. Legacy
   * problem-list entries and C-CDA conversions still carry these codes; the CQL matches them by ICD-9-CM category.
   */
  public static final String ICD9CM = "http://hl7.org/fhir/sid/icd-9-cm";

  /** An ICD-10-CM code with its dot (or a category alone): a letter, two characters, a dot and one to four more. */
  private static final Pattern ICD10CM_CODE = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

  /** An ICD-10-CM code without its dot: a letter, two characters of category, then one to four more. */
  private static final Pattern ICD10CM_WITHOUT_DOT = Pattern.compile("[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}");

  private CanonicalCodes() {}

  /** The system's FHIR URI when it is named by a known OID or a SNOMED CT edition, else as sent ({@link CodeSystemUris}). */
  public static String system(String system) {
    return CodeSystemUris.canonical(system);
  }

  /** The code as the system writes it (the canonical system, as {@link #system} gives it). */
  public static String code(String canonicalSystem, String code) {
    if (code == null || !(ICD10CM.equals(canonicalSystem) || ICD10.equals(canonicalSystem))) {
      return code;
    }
    var upper = code.toUpperCase(Locale.ROOT);
    if (ICD10CM_WITHOUT_DOT.matcher(upper).matches()) {
      return upper.substring(0, 3) + "." + upper.substring(3);
    }
    return ICD10CM_CODE.matcher(upper).matches() ? upper : code;
  }

  /**
   * Rewrites in place every object of the JSON tree that has a textual {@code system} (Codings; an Identifier's or a
   * Quantity's system changes only when it is one of the OIDs above, which is harmless); returns the tree.
   */
  public static JsonNode normalize(JsonNode tree) {
    if (tree instanceof ObjectNode object) {
      spaceTextsAndDescend(object);
      if (object.has("coding")) {
        Icd10CmCounterparts.add(object); // after its codings were made canonical, by the descent above
      }
      var system = object.get("system");
      if (system != null && system.isTextual()) {
        var canonical = system(system.textValue());
        if (!canonical.equals(system.textValue())) {
          object.put("system", canonical);
        }
        var code = object.get("code");
        if (code != null && code.isTextual()) {
          var written = code(canonical, code.textValue());
          if (!written.equals(code.textValue())) {
            object.put("code", written);
          }
        }
      }
    } else if (tree instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        var element = array.get(i);
        if (element.isTextual()) { // a blank item stays: the items of a primitive array pair with its "_" extensions
          var spaced = CanonicalText.of(element.textValue());
          if (spaced != null && spaced != element.textValue()) {
            array.set(i, spaced);
          }
        } else if (element.isContainerNode()) {
          normalize(element);
        }
      }
    }
    return tree;
  }

  /**
   * One pass over the object's fields: its text values spaced ({@link CanonicalText}; a blank one removed; a
   * narrative's XHTML and binary data kept), its objects and arrays normalized.
   */
  private static void spaceTextsAndDescend(ObjectNode object) {
    java.util.List<String> blank = null;
    for (var fields = object.fields(); fields.hasNext(); ) {
      var field = fields.next();
      var value = field.getValue();
      if (value.isTextual()) {
        var key = field.getKey();
        if (!"div".equals(key) && !"data".equals(key)) {
          var spaced = CanonicalText.of(value.textValue());
          if (spaced == null) {
            blank = blank == null ? new java.util.ArrayList<>() : blank;
            blank.add(key);
          } else if (spaced != value.textValue()) { // the same instance when nothing was collapsed
            field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(spaced));
          }
        }
      } else if (value.isContainerNode()) {
        normalize(value);
      }
    }
    if (blank != null) {
      object.remove(blank);
    }
  }

  /**
   * The same on a parsed resource (what the EHR's FHIR server returned), for its Codings and text values, in place; for a
   * Bundle, in each entry's resource.
   */
  public static <T extends IBaseResource> T normalize(T resource) {
    ResourceElements.visit(resource, element -> {
      if (element instanceof org.hl7.fhir.r4.model.CodeableConcept concept) {
        concept.getCoding().forEach(CanonicalCodes::normalize); // canonical before the counterparts are read
        Icd10CmCounterparts.add(concept);
        return true;
      }
      if (element instanceof Coding coding) {
        normalize(coding);
        return false;
      }
      if (element instanceof StringType text && text.getValue() != null) { // code and markdown too: subclasses
        var spaced = CanonicalText.of(text.getValue());
        if (!text.getValue().equals(spaced)) {
          text.setValue(spaced);
        }
      }
      return true;
    });
    return resource;
  }

  private static void normalize(Coding coding) {
    if (coding.hasDisplay()) {
      coding.setDisplay(CanonicalText.of(coding.getDisplay()));
    }
    if (coding.hasCode()) {
      coding.setCode(CanonicalText.of(coding.getCode()));
    }
    if (coding.hasSystem()) {
      coding.setSystem(system(CanonicalText.of(coding.getSystem())));
      if (coding.hasCode()) {
        coding.setCode(code(coding.getSystem(), coding.getCode()));
      }
    }
  }
}
