package org.ketaminecds.invocation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cds.invocation.*}: how many hook calls evaluate their CQL at once. Evaluation is CPU- and memory-bound
 * (CQL engine state over the parsed prefetch), so more concurrent evaluations than cores only share the CPU and
 * fill the heap; the others wait for a slot, and a call that waited {@code queueTimeout} is answered 503 {@code
 * service-busy} at once instead of after the EHR has given up.
 *
 * <p>{@code maxBodyBytesInFlight} bounds memory the same way, before a body is read: the request bodies of the calls in
 * progress add up to at most this much (a parsed prefetch takes several times its JSON size), so 64 EHR calls with
 * 3 MB histories wait their turn instead of filling the heap (measured: HTTP 500s from an exhausted 512 MB heap).
 * The default is 1/256 of the heap: a call holds 50-100 times its body in heap while it is in progress (JSON tree,
 * parsed FHIR, engine state; measured with the 211 KB typical order-sign body), and with 1/32 a 512 MB heap took
 * about 19 such calls at once, filled up and spent the CPU collecting (64 concurrent: 51 calls/s and 36 ms CPU per
 * call against 113 calls/s and 16 ms with 1/256; bench/run, bench/RESULTS.md).
 *
 * @param maxConcurrent        calls evaluated at once; 0 = twice the available processors
 * @param queueTimeout         longest wait for a slot, and for room for a body
 * @param maxBodyBytesInFlight bodies of the calls in progress together; 0 = 1/256 of the maximum heap (at least 1 MB)
 * @param bodyReadTimeout      longest time to receive one request body (hook call or feedback); a slower body is cut
 *                             and answered 408 (issue 13, item 3)
 */
@Validated
@ConfigurationProperties("cds.invocation")
record InvocationProperties(
    @DefaultValue("0") @PositiveOrZero int maxConcurrent,
    @DefaultValue("5s") @NotNull Duration queueTimeout,
    @DefaultValue("0B") @NotNull DataSize maxBodyBytesInFlight,
    @DefaultValue("10s") @NotNull Duration bodyReadTimeout) {

  InvocationProperties {
    if (bodyReadTimeout != null && (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero())) {
      throw new IllegalArgumentException("cds.invocation.body-read-timeout must be positive, got " + bodyReadTimeout);
    }
  }

  int effectiveMaxConcurrent() {
    return maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
  }

  long effectiveMaxBodyBytesInFlight() {
    return maxBodyBytesInFlight.toBytes() > 0
        ? maxBodyBytesInFlight.toBytes()
        : Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 256);
  }
}
