package org.ketaminecds.prefetch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound FHIR calls made while resolving prefetch ({@code cds.fhir.*}).
 *
 * @param connectTimeout TCP connect (and connection-pool lease) timeout of one call
 * @param readTimeout socket read timeout of one call
 * @param deadline overall budget for all fetching of one hook request (keys, pages, Medications);
 *     keys not obtained by then make the request fail with 412
 * @param maxPages pages read per prefetch key (the first page included); further {@code next} links
 *     are not followed, and the rules that read the key are reported degraded (history incomplete)
 * @param pageSize {@code _count} added to a fetched search whose template has none (a hint: FHIR servers may
 *     return fewer per page, never more); 0 adds none, for a server that refuses {@code _count}
 * @param maxParallelFetches threads for outbound FHIR calls, shared by all requests of this instance
 */
@Validated
@ConfigurationProperties("cds.fhir")
public record FhirClientProperties(
    @NotNull @DefaultValue("2s") Duration connectTimeout,
    @NotNull @DefaultValue("3s") Duration readTimeout,
    @NotNull @DefaultValue("4s") Duration deadline,
    @Min(1) @Max(1000) @DefaultValue("20") int maxPages,
    @Min(1) @Max(256) @DefaultValue("32") int maxParallelFetches,
    @Min(0) @Max(5000) @DefaultValue("200") int pageSize) {

  public FhirClientProperties {
    for (Duration d : new Duration[] {connectTimeout, readTimeout, deadline}) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new IllegalArgumentException("cds.fhir timeouts and deadline must be positive, got " + d);
      }
    }
  }

  /** The defaults, for code and tests that run without Spring. */
  public static FhirClientProperties defaults() {
    return new FhirClientProperties(
        Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), 20, 32, 200);
  }
}
