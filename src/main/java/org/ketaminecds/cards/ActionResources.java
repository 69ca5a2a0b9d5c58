package org.ketaminecds.cards;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.function.UnaryOperator;

/**
 * Renders the FHIR resource of a create/update action: interpolates every string value, drops values
 * that render empty, then has HAPI's strict parser read it and write it back, so only valid FHIR R4
 * leaves the service.
 */
final class ActionResources {

  private final FhirContext fhirContext;
  private final ObjectMapper mapper;

  ActionResources(FhirContext fhirContext, ObjectMapper mapper) {
    this.fhirContext = fhirContext;
    this.mapper = mapper;
  }

  JsonNode render(JsonNode template, UnaryOperator<String> interpolate) {
    var interpolated = interpolate(template.deepCopy(), interpolate);
    try {
      var parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
      var resource = parser.parseResource(mapper.writeValueAsString(interpolated));
      return mapper.readTree(fhirContext.newJsonParser().encodeResourceToString(resource));
    } catch (DataFormatException | JsonProcessingException | ClassCastException e) {
      // HAPI's message may quote interpolated patient data: report the kind of failure only
      throw new RuleDegradedException("action resource is not valid FHIR R4 after interpolation");
    }
  }

  private static JsonNode interpolate(JsonNode node, UnaryOperator<String> interpolate) {
    if (node instanceof ObjectNode object) {
      var names = new ArrayList<String>();
      object.fieldNames().forEachRemaining(names::add);
      for (var name : names) {
        var value = interpolate(object.get(name), interpolate);
        if (value == null) {
          object.remove(name);
        } else {
          object.set(name, value);
        }
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      var copy = array.arrayNode();
      array.forEach(element -> {
        var value = interpolate(element, interpolate);
        if (value != null) {
          copy.add(value);
        }
      });
      return copy.isEmpty() ? null : copy;
    }
    if (node.isTextual()) {
      var text = interpolate.apply(node.textValue());
      return text.isEmpty() ? null : TextNode.valueOf(text);
    }
    return node;
  }
}
