package org.ketaminecds.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.ketaminecds.definition.Hook;
import org.ketaminecds.definition.ServiceDefinition;

/** One discovery entry (CDS Hooks 2.0 §Discovery): only the public fields, never {@code _config}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ServiceDescriptor(
    Hook hook,
    String title,
    String description,
    String id,
    Map<String, String> prefetch,
    String usageRequirements,
    JsonNode extension) {

  static ServiceDescriptor of(ServiceDefinition definition, Hook hook) {
    return new ServiceDescriptor(hook, definition.title(), definition.description(), definition.id(),
        definition.prefetch(), definition.usageRequirements(), definition.extension());
  }
}
