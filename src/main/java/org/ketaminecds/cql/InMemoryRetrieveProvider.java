package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.relevance.PatientReferences;
import org.opencds.cqf.cql.engine.model.ModelResolver;
import org.opencds.cqf.cql.engine.retrieve.RetrieveProvider;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Interval;

/**
 * Answers CQL retrieves from the resources of one request, indexed by resource type once. In Patient
 * context only the patient's own resources qualify (subject/patient reference to Patient/&lt;id&gt; or
 * urn:uuid:&lt;id&gt;, or
 * the Patient itself); codes and value sets filter on the code path (choice types such as {@code
 * medication[x]} through the model resolver); a date range filters on the date path when the engine
 * passes one.
 */
final class InMemoryRetrieveProvider implements RetrieveProvider {

  private final Map<String, List<Resource>> byType = new HashMap<>();
  private final ModelResolver modelResolver;
  private final InMemoryTerminologyProvider terminology;

  InMemoryRetrieveProvider(
      Collection<? extends Resource> resources, ModelResolver modelResolver, InMemoryTerminologyProvider terminology) {
    resources.forEach(r -> byType.computeIfAbsent(r.fhirType(), type -> new ArrayList<>()).add(r));
    this.modelResolver = modelResolver;
    this.terminology = terminology;
  }

  @Override
  public Iterable<Object> retrieve(
      String context, String contextPath, Object contextValue, String dataType, String templateId,
      String codePath, Iterable<Code> codes, String valueSet, String datePath, String dateLowPath,
      String dateHighPath, Interval dateRange) {
    List<Object> matches = new ArrayList<>();
    String patientId = patientId(context, contextPath, contextValue);
    CodeIndex codeIndex = codes == null ? null : new CodeIndex(codes);
    for (Resource resource : byType.getOrDefault(dataType, List.of())) {
      if ((patientId == null || refersTo(modelResolver.resolvePath(resource, contextPath), patientId))
          && hasCode(resource, codePath, codeIndex, valueSet)
          && DateRanges.matches(modelResolver, resource, datePath, dateLowPath, dateHighPath, dateRange)) {
        matches.add(resource);
      }
    }
    return matches;
  }

  /** The patient the resources must refer to, or null: unfiltered context, or a type without a patient. */
  private static String patientId(String context, String contextPath, Object contextValue) {
    if (!"Patient".equals(context) || contextValue == null || contextPath == null) {
      return null; // e.g. Medication, Practitioner
    }
    String value = contextValue.toString();
    return value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
  }

  static boolean refersTo(Object value, String patientId) {
    if (value instanceof IBaseReference reference) {
      // Patient/<id>, <base>/Patient/<id>, a bare id or urn:uuid:<id> (Synthea and transaction bundles)
      IIdType target = reference.getReferenceElement();
      return target != null && PatientReferences.refersTo(target.getValue(), patientId);
    }
    if (value instanceof Iterable<?> values) {
      for (Object element : values) {
        if (refersTo(element, patientId)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof IIdType id) {
      return patientId.equals(id.getIdPart());
    }
    return value instanceof String id && patientId.equals(id);
  }

  private boolean hasCode(Resource resource, String codePath, CodeIndex codes, String valueSet) {
    if (codePath == null || (codes == null && valueSet == null)) {
      return true;
    }
    List<Coding> codings = new ArrayList<>();
    collectCodings(modelResolver.resolvePath(resource, codePath), codings);
    for (Coding coding : codings) {
      if (valueSet != null && terminology.contains(valueSet, coding.getSystem(), coding.getCode())) {
        return true;
      }
      if (codes != null && codes.matches(coding.getSystem(), coding.getCode())) {
        return true;
      }
    }
    return false;
  }

  /** CodeableConcept, Coding, code primitives, and lists of them; references carry no codes. */
  static void collectCodings(Object value, List<Coding> codings) {
    if (value instanceof CodeableConcept concept) {
      if (concept.hasCoding()) { // getCoding() would add an empty list to a shared resource
        codings.addAll(concept.getCoding());
      }
    } else if (value instanceof Coding coding) {
      codings.add(coding);
    } else if (value instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null) {
      codings.add(new Coding(null, primitive.getValueAsString(), null));
    } else if (value instanceof String code) {
      codings.add(new Coding(null, code, null));
    } else if (value instanceof Iterable<?> values) {
      values.forEach(element -> collectCodings(element, codings));
    }
  }
}
