package org.ketaminecds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.relevance.DataNeeds;

/**
 * What the resolver needs for one invocation.
 *
 * @param templates the service's prefetch templates (key to relative FHIR query with tokens)
 * @param tokens values for template tokens: {@code context.patientId}, {@code userPractitionerId}, ...
 * @param given the prefetch the client sent, key to its JSON as parsed from the request body (read by HAPI
 *     from that tree, not parsed again); a key mapped to {@code null} or JSON null means "no data"; an absent key
 *     means "not satisfied"
 * @param access the FHIR server and token, or {@code null} when the client sent no fhirServer
 * @param draftResources resources from context.draftOrders / medications, visible to CQL as-is
 * @param needs what the rules can read: prefetched Bundle entries none of them can match are left out before HAPI
 *     parses them ({@link PrefetchJsonFilter}); {@link DataNeeds#everything()} keeps all
 * @param optionalKeys keys the rules can do without: one that is neither prefetched nor fetchable (no fhirServer,
 *     a failed or refused read) is left out instead of failing the request
 */
public record PrefetchRequest(
    Map<String, String> templates,
    Map<String, String> tokens,
    Map<String, JsonNode> given,
    FhirAccess access,
    List<Resource> draftResources,
    DataNeeds needs,
    Set<String> optionalKeys) {

  public PrefetchRequest {
    needs = needs == null ? DataNeeds.everything() : needs;
    optionalKeys = optionalKeys == null ? Set.of() : Set.copyOf(optionalKeys);
  }

  /** Every key required. */
  public PrefetchRequest(Map<String, String> templates, Map<String, String> tokens, Map<String, JsonNode> given,
      FhirAccess access, List<Resource> draftResources, DataNeeds needs) {
    this(templates, tokens, given, access, draftResources, needs, Set.of());
  }

  /** Every prefetched resource kept. */
  public PrefetchRequest(Map<String, String> templates, Map<String, String> tokens, Map<String, JsonNode> given,
      FhirAccess access, List<Resource> draftResources) {
    this(templates, tokens, given, access, draftResources, DataNeeds.everything());
  }
}
