package org.ketaminecds.prefetch;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * Turns {@code medicationReference} into {@code medicationCodeableConcept} (docs/develop/stack-pitfalls.md P7) so that CQL
 * retrieves like {@code [MedicationRequest: "Ketamine"]} match EHR data that points to a Medication.
 *
 * <p>For MedicationRequest, MedicationDispense, MedicationStatement and MedicationAdministration: the
 * Medication is taken from {@code contained} ({@code #id}), from the request's data, or fetched; then
 * medication[x] becomes Medication.code with the codings of its ingredients (see {@link #concept(Medication, String)}),
 * carrying the original reference in the extension {@link #EXTENSION_URL} (valueReference) and the Medication's dose
 * form in {@link #FORM_EXTENSION_URL}. A Medication with no codes but a name becomes a concept with that text only
 * (read by name, as a free-text medication is). When the Medication cannot be had or has neither codes nor a name, the
 * reference stays and the resource simply has no medication code.
 */
final class MedicationReferences {

  static final String EXTENSION_URL =
      "http://ketamine-cds.org/fhir/StructureDefinition/resolved-medication-reference";

  /** The referenced Medication's dose form (Medication.form), on the concept that replaces the reference. */
  static final String FORM_EXTENSION_URL =
      "http://ketamine-cds.org/fhir/StructureDefinition/resolved-medication-form";

  /** Whether the resource points to a Medication by reference (it may need resolving). */
  boolean hasReference(Resource resource) {
    return medication(resource) instanceof Reference;
  }

  /** The ids of Medications on {@code fhirBase} that are referenced but neither contained nor known. */
  Set<String> missing(Collection<Resource> resources, Function<String, Optional<Medication>> known, String fhirBase) {
    Set<String> ids = new LinkedHashSet<>();
    for (Resource resource : resources) {
      if (medication(resource) instanceof Reference ref && contained(resource, ref).isEmpty()) {
        String id = ServerReferences.id(ref.getReference(), "Medication", fhirBase);
        if (id != null && known.apply(id).isEmpty()) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /** Replaces the reference by the Medication's codes when the Medication is contained or known. */
  void resolve(Resource resource, Function<String, Optional<Medication>> known, String fhirBase) {
    if (!(medication(resource) instanceof Reference ref)) {
      return;
    }
    Optional<Medication> medication = contained(resource, ref);
    if (medication.isEmpty()) {
      String id = ServerReferences.id(ref.getReference(), "Medication", fhirBase);
      medication = id == null ? Optional.empty() : known.apply(id);
    }
    medication.map(m -> concept(m, ref.getDisplay())).ifPresent(concept -> {
      Reference original = ref.copy();
      original.setResource(null);
      concept.addExtension(EXTENSION_URL, original);
      setMedication(resource, concept);
    });
  }

  /**
   * Medication.code with the codings of its ingredients ({@code ingredient.itemCodeableConcept}), so that a Medication
   * coded with the EHR's own product code and carrying the RxNorm ingredient only there is still read by that code;
   * with the code's text, else the reference's display, else (when no coding has a display) the ingredients' names
   * (their text, or the display of an {@code itemReference}), so that a Medication known only by name ("Ketamine 100
   * mg troche (compounded)", a free-text home medication) is still read by name; null when there is neither a code nor
   * a name. The Medication's dose form ({@code Medication.form}: troche, nasal spray, injectable solution) is carried
   * in the extension {@link #FORM_EXTENSION_URL} (valueCodeableConcept), where the content reads it as it reads the
   * dosage route (ProductStatus). Before, the ingredient codings of a coded Medication, the reference's display and
   * the form were dropped: a ketamine order through a Medication with a local code and the RxNorm ingredient got no
   * card at all, an aortic aneurysm on record included, and a ketamine troche coded RxNorm 6130 was "route not
   * specified" (example cases medication-resource-*).
   */
  static CodeableConcept concept(Medication medication) {
    return concept(medication, null);
  }

  static CodeableConcept concept(Medication medication, String referenceDisplay) {
    CodeableConcept concept = new CodeableConcept();
    Set<String> seen = new LinkedHashSet<>();
    for (Coding coding : medication.getCode().getCoding()) {
      seen.add(coding.getSystem() + "|" + coding.getCode());
      concept.addCoding(coding.copy());
    }
    var names = new StringJoiner(" / ");
    for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
      if (ingredient.getItem() instanceof CodeableConcept item) {
        for (Coding coding : item.getCoding()) {
          if (coding.hasCode() && seen.add(coding.getSystem() + "|" + coding.getCode())) {
            concept.addCoding(coding.copy());
          }
        }
        if (item.hasText()) {
          names.add(item.getText());
        } else {
          item.getCoding().stream().filter(Coding::hasDisplay).findFirst().ifPresent(c -> names.add(c.getDisplay()));
        }
      } else if (ingredient.getItem() instanceof Reference item && item.hasDisplay()) {
        names.add(item.getDisplay());
      }
    }
    boolean codeNamed = medication.getCode().getCoding().stream().anyMatch(Coding::hasDisplay);
    concept.setText(medication.getCode().hasText() ? medication.getCode().getText()
        : referenceDisplay != null && !referenceDisplay.isBlank() ? referenceDisplay
        : !codeNamed && names.length() > 0 ? names.toString() : null);
    if (!concept.hasCoding() && !concept.hasText()) {
      return null;
    }
    if (medication.hasForm() && (medication.getForm().hasText() || medication.getForm().hasCoding())) {
      concept.addExtension(FORM_EXTENSION_URL, medication.getForm().copy());
    }
    return concept;
  }

  private static Optional<Medication> contained(Resource resource, Reference ref) {
    if (ref.getResource() instanceof Medication medication) {
      return Optional.of(medication);
    }
    String reference = ref.getReference();
    if (reference == null || !reference.startsWith("#") || !(resource instanceof DomainResource domain)) {
      return Optional.empty();
    }
    String id = reference.substring(1);
    return domain.getContained().stream()
        .filter(Medication.class::isInstance)
        .map(Medication.class::cast)
        .filter(c -> id.equals(c.getIdElement().getIdPart()) || reference.equals(c.getId()))
        .findFirst();
  }

  private static Type medication(Resource resource) {
    if (resource instanceof MedicationRequest r) {
      return r.getMedication();
    } else if (resource instanceof MedicationDispense r) {
      return r.getMedication();
    } else if (resource instanceof MedicationStatement r) {
      return r.getMedication();
    } else if (resource instanceof MedicationAdministration r) {
      return r.getMedication();
    }
    return null;
  }

  private static void setMedication(Resource resource, CodeableConcept concept) {
    if (resource instanceof MedicationRequest r) {
      r.setMedication(concept);
    } else if (resource instanceof MedicationDispense r) {
      r.setMedication(concept);
    } else if (resource instanceof MedicationStatement r) {
      r.setMedication(concept);
    } else if (resource instanceof MedicationAdministration r) {
      r.setMedication(concept);
    }
  }
}
