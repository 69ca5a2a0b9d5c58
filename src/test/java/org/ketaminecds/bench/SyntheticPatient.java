package org.ketaminecds.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * One generated patient's whole chart, and the answers an EHR's FHIR server gives to the queries of the services'
 * prefetch templates: a read {@code Type/id}, and searches by {@code patient} with an optional {@code code} filter
 * ({@code system|code} list) and {@code _include=MedicationRequest:medication}. Used both to build full prefetch
 * and to answer the stub FHIR server.
 */
record SyntheticPatient(String id, PatientProfile profile, List<Resource> resources) {

  /** The answer to a relative FHIR URL (a resource for a read, a searchset Bundle for a search); null = 404. */
  Resource answer(String relativeUrl) {
    var parts = relativeUrl.split("\\?", 2);
    var path = parts[0];
    if (parts.length == 1) {
      return resources.stream().filter(r -> (r.fhirType() + "/" + r.getIdPart()).equals(path)).findFirst()
          .orElse(null);
    }
    var query = query(parts[1]);
    var codes = query.containsKey("code") ? Set.of(query.get("code").split(",")) : Set.<String>of();
    var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
    var included = new LinkedHashMap<String, Resource>();
    for (Resource resource : resources) {
      if (resource.fhirType().equals(path) && id.equals(query.get("patient")) && hasCode(resource, codes)) {
        bundle.addEntry().setFullUrl("urn:bench:" + resource.fhirType() + "/" + resource.getIdPart())
            .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        if ("MedicationRequest:medication".equals(query.get("_include"))
            && resource instanceof MedicationRequest request && request.getMedication() instanceof Reference ref) {
          resources.stream().filter(r -> (r.fhirType() + "/" + r.getIdPart()).equals(ref.getReference()))
              .findFirst().ifPresent(r -> included.put(ref.getReference(), r));
        }
      }
    }
    bundle.setTotal(bundle.getEntry().size());
    included.values().forEach(r -> bundle.addEntry().setFullUrl("urn:bench:" + r.fhirType() + "/" + r.getIdPart())
        .setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
    return bundle;
  }

  /** The prefetch of a service for this patient: key to the answer of its template with the patient id filled in. */
  Map<String, Resource> prefetch(Map<String, String> templates) {
    var prefetch = new LinkedHashMap<String, Resource>();
    templates.forEach((key, template) -> prefetch.put(key, answer(template.replace("{{context.patientId}}", id))));
    return prefetch;
  }

  /** How many resources a prefetch holds (Bundle entries, or 1 for a resource). */
  static int size(Map<String, Resource> prefetch) {
    return prefetch.values().stream().mapToInt(r -> r instanceof Bundle b ? b.getEntry().size() : 1).sum();
  }

  private static boolean hasCode(Resource resource, Set<String> codes) {
    if (codes.isEmpty()) {
      return true;
    }
    CodeableConcept code = resource instanceof Observation observation ? observation.getCode() : null;
    return code != null && code.getCoding().stream().anyMatch(c -> codes.contains(c.getSystem() + "|" + c.getCode()));
  }

  private static Map<String, String> query(String query) {
    return Arrays.stream(query.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
        .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
            p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> a + "," + b, LinkedHashMap::new));
  }

  List<Resource> ofType(String type) {
    return new ArrayList<>(resources.stream().filter(r -> r.fhirType().equals(type)).toList());
  }
}
