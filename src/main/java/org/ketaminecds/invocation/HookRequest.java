package org.ketaminecds.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /cds-services/{id}} (CDS Hooks 2.0 §HTTP Request), as sent: checked by
 * {@link HookRequestValidator}. {@code context} is typed per hook there; prefetch values stay JSON until
 * the prefetch resolver reads them with HAPI. {@link #toString()} prints no patient data and no token.
 */
record HookRequest(
    String hook,
    String hookInstance,
    String fhirServer,
    FhirAuthorization fhirAuthorization,
    JsonNode context,
    Map<String, JsonNode> prefetch,
    JsonNode extension) {

  /** What a hookInstance may look like to be echoed in problems and logs (a UUID fits). */
  private static final Pattern SAFE_HOOK_INSTANCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  HookRequest {
    // Map.copyOf refuses null values, and a null prefetch value means "no data"
    prefetch = prefetch == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
  }

  /** The hookInstance when it is safe to repeat in problem bodies, logs and the audit trail. */
  Optional<String> safeHookInstance() {
    return Optional.ofNullable(hookInstance).filter(h -> SAFE_HOOK_INSTANCE.matcher(h).matches());
  }

  @Override
  public String toString() {
    return "HookRequest[hook=" + hook + ", hookInstance=" + safeHookInstance().orElse("<invalid>")
        + ", fhirServer=" + fhirServer + ", fhirAuthorization=" + (fhirAuthorization == null ? "none" : "<present>")
        + ", prefetch=" + prefetch.keySet() + "]";
  }
}
