package org.ketaminecds.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ketaminecds.relevance.RecordTest.Value;

/**
 * A resource as FHIR JSON, before HAPI parses it. Only what the JSON shows plainly is read: a code element that is
 * a CodeableConcept, Coding or code (choice elements such as {@code medicationCodeableConcept} included), a
 * primitive reached through objects, a {@code reference} string. Anything else (a {@code medicationReference}, an
 * element that is missing or has an unexpected shape) cannot be decided here, so the resource is kept.
 */
public final class JsonResourceView implements ResourceView {

  private final JsonNode resource;

  public JsonResourceView(JsonNode resource) {
    this.resource = resource;
  }

  @Override
  public String type() {
    JsonNode type = resource.get("resourceType");
    return type != null && type.isTextual() ? type.textValue() : null;
  }

  @Override
  public String key() {
    JsonNode id = resource.get("id");
    String type = type();
    return type == null || id == null || !id.isTextual() || id.textValue().isBlank() ? null : type + "/" + id.textValue();
  }

  @Override
  public List<String[]> codings(String codePath) {
    if (codePath == null || codePath.indexOf('.') >= 0 || !resource.isObject()) {
      return null;
    }
    JsonNode value = resource.get(codePath);
    if (value == null) {
      value = choice(codePath);
    }
    if (value == null) {
      return null; // absent: the HAPI step decides
    }
    List<String[]> codings = new ArrayList<>();
    return collect(value, codings) ? codings : null;
  }

  /** {@code medication} finds {@code medicationCodeableConcept} (or {@code medicationReference}, which is not codes). */
  private JsonNode choice(String name) {
    JsonNode found = null;
    for (Iterator<Map.Entry<String, JsonNode>> fields = resource.fields(); fields.hasNext(); ) {
      var field = fields.next();
      String key = field.getKey();
      if (key.length() > name.length() && key.startsWith(name) && Character.isUpperCase(key.charAt(name.length()))) {
        if (found != null || !key.endsWith("CodeableConcept") && !key.endsWith("Coding")) {
          return null; // two values, or a Reference: undecided
        }
        found = field.getValue();
      }
    }
    return found;
  }

  /** False when the value has a shape this view does not read. */
  private static boolean collect(JsonNode value, List<String[]> codings) {
    if (value.isTextual()) {
      codings.add(new String[] {null, value.textValue()});
      return true;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (!collect(element, codings)) {
          return false;
        }
      }
      return true;
    }
    if (!value.isObject()) {
      return false;
    }
    if (value.has("reference") || value.has("extension")) {
      return false; // a Reference, or codes carried in extensions
    }
    JsonNode coding = value.get("coding");
    if (coding == null) {
      return value.has("code") ? coding(value, codings) : value.has("text") || value.isEmpty();
    }
    if (!coding.isArray()) {
      return false;
    }
    for (JsonNode element : coding) {
      if (!element.isObject() || !coding(element, codings)) {
        return false;
      }
    }
    return true;
  }

  private static boolean coding(JsonNode coding, List<String[]> codings) {
    JsonNode system = coding.get("system");
    JsonNode code = coding.get("code");
    if (system != null && !system.isTextual() || code != null && !code.isTextual()) {
      return false;
    }
    codings.add(new String[] {system == null ? null : system.textValue(), code == null ? null : code.textValue()});
    return true;
  }

  @Override
  public Value apply(String path) {
    JsonNode node = resource;
    for (String segment : path.split("\\.", -1)) {
      if (node == null || !node.isObject()) {
        return node == null ? Value.ABSENT : Value.UNKNOWN;
      }
      node = node.get(segment);
    }
    if (node == null || node.isNull()) {
      return Value.ABSENT;
    }
    return node.isValueNode() ? Value.of(node.asText()) : Value.UNKNOWN;
  }

  /**
   * The texts of a CodeableConcept at {@code path} ({@code medication} finds {@code medicationCodeableConcept}): its
   * text, then each coding's display; an absent element has none. A Reference or any other shape: null (undecided).
   */
  @Override
  public List<String> texts(String path) {
    if (path.indexOf('.') >= 0 || !resource.isObject()) {
      return null;
    }
    JsonNode value = resource.get(path);
    if (value == null) {
      for (Iterator<String> names = resource.fieldNames(); names.hasNext(); ) {
        String key = names.next();
        if (key.length() > path.length() && key.startsWith(path) && Character.isUpperCase(key.charAt(path.length()))) {
          if (value != null || !key.endsWith("CodeableConcept")) {
            return null; // two values, or a Reference (its display is read after parsing)
          }
          value = resource.get(key);
        }
      }
      if (value == null) {
        return List.of();
      }
    }
    return conceptTexts(value);
  }

  private static List<String> conceptTexts(JsonNode concept) {
    if (!concept.isObject() || concept.has("reference") || concept.has("display")) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    if (!addText(concept.get("text"), texts)) {
      return null;
    }
    JsonNode coding = concept.get("coding");
    if (coding != null) {
      if (!coding.isArray()) {
        return null;
      }
      for (JsonNode element : coding) {
        if (!element.isObject() || !addText(element.get("display"), texts)) {
          return null;
        }
      }
    }
    return texts;
  }

  /** False when the text has a shape the engine would read differently. */
  private static boolean addText(JsonNode text, List<String> texts) {
    if (text == null || text.isNull()) {
      return true;
    }
    if (!text.isTextual()) {
      return false;
    }
    texts.add(text.textValue());
    return true;
  }

  @Override
  public Truth refersTo(String contextPath, String patientId) {
    JsonNode element = contextPath.indexOf('.') >= 0 ? null : resource.get(contextPath);
    JsonNode reference = element == null || !element.isObject() ? null : element.get("reference");
    if (reference == null || !reference.isTextual()) {
      return Truth.UNKNOWN;
    }
    return Truth.of(PatientReferences.refersTo(reference.textValue(), patientId));
  }
}
