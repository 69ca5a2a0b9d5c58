package org.ketaminecds.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ketaminecds.definition.Hook;
import org.ketaminecds.prefetch.FhirAccess;

/**
 * A hook request that passed validation against its service.
 *
 * @param given the client's prefetch for the service's keys, key to its JSON tree ({@code null}: no data)
 * @param access the FHIR server and token, or {@code null} when the request named no fhirServer
 */
record ValidatedRequest(Hook hook, HookContext context, Map<String, JsonNode> given, FhirAccess access) {

  @Override
  public String toString() {
    return "ValidatedRequest[hook=" + hook + ", prefetch=" + given.keySet() + ", access=" + access + "]";
  }
}
