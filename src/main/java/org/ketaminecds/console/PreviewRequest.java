package org.ketaminecds.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A CDS Hooks 2.0 request as the console sends it: no {@code fhirServer}, so every key the service needs is in
 * {@code prefetch} (a JSON {@code null} value means "no data exists"). FHIR content is HAPI-encoded JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PreviewRequest(
    String hookInstance,
    String hook,
    Context context,
    @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.ALWAYS) Map<String, JsonNode> prefetch) {

  /** The hook context: userId and patientId always; the draft order for the ordering hooks. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Context(String userId, String patientId, List<String> selections, JsonNode draftOrders, JsonNode medications) {}
}
