package org.ketaminecds.invocation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cds.invocation.*}: how many hook calls evaluate their CQL at once. Evaluation is CPU- and memory-bound
 * (CQL engine state over the parsed prefetch), so more concurrent evaluations than cores only share the CPU and
 * fill the heap; the others wait for a slot, and a call that waited {@code queueTimeout} is answered 503 {@code
 * service-busy} at once instead of after the EHR has given up.
 *
 * @param maxConcurrent calls evaluated at once; 0 = twice the available processors
 * @param queueTimeout  longest wait for a slot
 */
@Validated
@ConfigurationProperties("cds.invocation")
record InvocationProperties(
    @DefaultValue("0") @PositiveOrZero int maxConcurrent,
    @DefaultValue("5s") @NotNull Duration queueTimeout) {

  int effectiveMaxConcurrent() {
    return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
  }
}
