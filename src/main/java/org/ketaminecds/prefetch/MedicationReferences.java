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
 * medication[x] becomes a copy of Medication.code (or, for a Medication without a coded code, a
 * concept of all its ingredient codings), carrying the original reference in the extension {@link
 * #EXTENSION_URL} (valueReference). A Medication with no codes but a name becomes a concept with that text only
 * (read by name, as a free-text medication is). When the Medication cannot be had or has neither codes nor a name, the
 * reference stays and the resource simply has no medication code.
 */
final class MedicationReferences {

  static final String EXTENSION_URL =
      "http://ketamine-cds.org/fhir/StructureDefinition/resolved-medication-reference";

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
    medication.map(MedicationReferences::concept).ifPresent(concept -> {
      Reference original = ref.copy();
      original.setResource(null);
      concept.addExtension(EXTENSION_URL, original);
      setMedication(resource, concept);
    });
  }

  /**
   * Medication.code, or its ingredient codings when the code has none; with the code's text, else the ingredients'
   * texts, so that a Medication known only by name ("Ketamine 100 mg troche (compounded)", a free-text home medication)
   * is still read by name; null when there is neither a code nor a name.
   */
  static CodeableConcept concept(Medication medication) {
    if (medication.getCode().hasCoding()) {
      return medication.getCode().copy();
    }
    CodeableConcept concept = new CodeableConcept();
    var names = new StringJoiner(" / ");
    for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
      if (ingredient.getItem() instanceof CodeableConcept item) {
        for (Coding coding : item.getCoding()) {
          concept.addCoding(coding.copy());
        }
        if (item.hasText()) {
          names.add(item.getText());
        }
      }
    }
    concept.setText(medication.getCode().hasText() ? medication.getCode().getText()
        : names.length() > 0 ? names.toString() : null);
    return concept.hasCoding() || concept.hasText() ? concept : null;
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
