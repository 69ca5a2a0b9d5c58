package org.ketaminecds.cql;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Site settings of the CQL runtime.
 *
 * @param parameters CQL parameter overrides, parameter name to value text; converted at start-up to
 *     the type the CQL declares (Integer, Decimal, Boolean, String, Quantity such as {@code 24 months}
 *     or {@code 140 'mm[Hg]'}, Date, DateTime)
 */
@Validated
@ConfigurationProperties("cds.cql")
record CqlProperties(Map<String, String> parameters) {

  CqlProperties {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
