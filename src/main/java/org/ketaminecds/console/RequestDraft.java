package org.ketaminecds.console;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * Body of {@code POST /preview/api/requests}: what the user picked, plus the chosen service's prefetch templates as
 * discovery listed them.
 *
 * @param productId required for hooks with draft orders (order-select, order-sign, medication-prescribe)
 */
record RequestDraft(@NotBlank String hook, @NotBlank String patientId, String productId, Map<String, String> prefetch) {

  RequestDraft {
    prefetch = prefetch == null ? Map.of() : Map.copyOf(prefetch);
  }
}
