package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.prefetch.PrefetchTemplates;

/**
 * Answers a service's prefetch templates from one demo patient's Bundle, the way an EHR that prefetches everything
 * would. The mapping is by resource type, so it does not depend on how a service names its keys:
 * <ul>
 *   <li>a read ({@code Patient/{{context.patientId}}}, {@code Practitioner/{{userPractitionerId}}}) gets that
 *       resource, or JSON {@code null} ("no data exists") when the patient's data has none;</li>
 *   <li>a search ({@code Condition?patient={{context.patientId}}&...}) gets a searchset Bundle of every resource of
 *       that type: search parameters are not applied (a superset; the CQL filters), {@code _include} adds the
 *       resources the matches reference;</li>
 *   <li>a key whose token has no value (say {@code {{context.encounterId}}}) is left out, as the service skips it.</li>
 * </ul>
 */
final class DemoPrefetch {

  private final PrefetchTemplates templates;
  private final FhirContext fhirContext;
  private final ObjectMapper mapper;

  DemoPrefetch(PrefetchTemplates templates, FhirContext fhirContext, ObjectMapper mapper) {
    this.templates = templates;
    this.fhirContext = fhirContext;
    this.mapper = mapper;
  }

  /** @throws IllegalArgumentException for a template with an invalid token */
  Map<String, JsonNode> answer(Map<String, String> templatesByKey, Bundle data, Map<String, String> tokens) {
    Map<String, JsonNode> prefetch = new LinkedHashMap<>();
    templatesByKey.forEach((key, template) -> templates.expand(template, tokens)
        .ifPresent(url -> prefetch.put(key, answer(url, data))));
    return prefetch;
  }

  private JsonNode answer(String url, Bundle data) {
    String relative = url.startsWith("/") ? url.substring(1) : url;
    int query = relative.indexOf('?');
    String path = query < 0 ? relative : relative.substring(0, query);
    String parameters = query < 0 ? "" : relative.substring(query + 1);
    String[] segments = path.split("/");
    if (segments.length == 2) {
      String id = URLDecoder.decode(segments[1], StandardCharsets.UTF_8);
      return find(data, segments[0], id).map(this::json).orElse(NullNode.getInstance());
    }
    return json(searchset(data, segments.length == 1 ? segments[0] : "", includes(parameters)));
  }

  /** The element names of {@code _include=Type:element} parameters. */
  private static List<String> includes(String parameters) {
    return Arrays.stream(parameters.split("&"))
        .map(parameter -> URLDecoder.decode(parameter, StandardCharsets.UTF_8))
        .filter(parameter -> parameter.startsWith("_include=") && parameter.indexOf(':') > 0)
        .map(parameter -> parameter.substring(parameter.indexOf(':') + 1))
        .toList();
  }

  private Bundle searchset(Bundle data, String type, List<String> includes) {
    Bundle result = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    List<Resource> matches = resources(data).stream().filter(r -> r.fhirType().equals(type)).toList();
    matches.forEach(r -> result.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
    result.setTotal(matches.size());
    Set<Resource> included = new LinkedHashSet<>();
    for (Resource match : matches) {
      for (String element : includes) {
        for (Reference reference : references(match, element)) {
          String[] target = reference.getReference() == null ? new String[0] : reference.getReference().split("/");
          if (target.length == 2) {
            find(data, target[0], target[1]).filter(r -> !matches.contains(r)).ifPresent(included::add);
          }
        }
      }
    }
    included.forEach(r -> result.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
    return result;
  }

  /** The references in an element, a choice element such as {@code medication[x]} included. */
  private List<Reference> references(Resource resource, String element) {
    for (String path : List.of(element, element + "[x]")) {
      try {
        return fhirContext.newTerser().getValues(resource, resource.fhirType() + "." + path).stream()
            .filter(Reference.class::isInstance).map(Reference.class::cast).toList();
      } catch (RuntimeException e) {
        // not an element of this name: try the choice form, then give up (nothing to include)
      }
    }
    return List.of();
  }

  private static Optional<Resource> find(Bundle data, String type, String id) {
    return resources(data).stream()
        .filter(r -> r.fhirType().equals(type) && id.equals(r.getIdElement().getIdPart()))
        .findFirst();
  }

  private static List<Resource> resources(Bundle data) {
    return data.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
  }

  private JsonNode json(IBaseResource resource) {
    try {
      return mapper.readTree(fhirContext.newJsonParser().encodeResourceToString(resource));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("HAPI produced JSON that Jackson cannot read", e);
    }
  }
}
