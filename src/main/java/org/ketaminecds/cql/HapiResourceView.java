package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.relevance.RecordTest.Value;
import org.ketaminecds.relevance.ResourceView;
import org.ketaminecds.relevance.Truth;
import org.opencds.cqf.cql.engine.model.ModelResolver;

/**
 * A parsed resource as the filter reads it, through the same model resolver and the same code and patient tests as
 * {@link InMemoryRetrieveProvider}, so the filter keeps at least what a retrieve would return.
 */
final class HapiResourceView implements ResourceView {

  private final Resource resource;
  private final ModelResolver modelResolver;

  HapiResourceView(Resource resource, ModelResolver modelResolver) {
    this.resource = resource;
    this.modelResolver = modelResolver;
  }

  @Override
  public String type() {
    return resource.fhirType();
  }

  @Override
  public String key() {
    String id = resource.getIdElement().getIdPart();
    return id == null || id.isBlank() ? null : resource.fhirType() + "/" + id;
  }

  @Override
  public List<String[]> codings(String codePath) {
    List<Coding> codings = new ArrayList<>();
    InMemoryRetrieveProvider.collectCodings(modelResolver.resolvePath(resource, codePath), codings);
    List<String[]> pairs = new ArrayList<>(codings.size());
    codings.forEach(c -> pairs.add(new String[] {c.getSystem(), c.getCode()}));
    return pairs;
  }

  @Override
  public Value apply(String path) {
    Object value;
    try {
      value = modelResolver.resolvePath(resource, path);
    } catch (RuntimeException e) {
      return Value.UNKNOWN;
    }
    if (value == null) {
      return Value.ABSENT;
    }
    return value instanceof IPrimitiveType<?> primitive ? Value.of(primitive.getValueAsString()) : Value.UNKNOWN;
  }

  /** The texts of the CodeableConcept or Reference at {@code path}, read as the content's medication-text function does. */
  @Override
  public List<String> texts(String path) {
    Object value;
    try {
      value = modelResolver.resolvePath(resource, path);
    } catch (RuntimeException e) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    if (value == null) {
      return texts;
    }
    if (value instanceof CodeableConcept concept) {
      texts.add(concept.getText());
      concept.getCoding().forEach(coding -> texts.add(coding.getDisplay()));
      return texts;
    }
    if (value instanceof Reference reference) {
      texts.add(reference.getDisplay());
      return texts;
    }
    return null;
  }

  @Override
  public Truth refersTo(String contextPath, String patientId) {
    return Truth.of(InMemoryRetrieveProvider.refersTo(modelResolver.resolvePath(resource, contextPath), patientId));
  }
}
