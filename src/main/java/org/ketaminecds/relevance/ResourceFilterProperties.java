package org.ketaminecds.relevance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cds.resource-filter.enabled} (default true): drop the prefetched and fetched resources no retrieve of the
 * content can match, before HAPI parses them (where the JSON shows their codes) and always before the CQL engine.
 * Off, every resource reaches the engine as before; the cards are the same either way (tests and {@code bench/run}
 * compare them), only the cost differs.
 */
@ConfigurationProperties("cds.resource-filter")
public record ResourceFilterProperties(Boolean enabled) {

  public ResourceFilterProperties {
    enabled = enabled == null || enabled;
  }
}
