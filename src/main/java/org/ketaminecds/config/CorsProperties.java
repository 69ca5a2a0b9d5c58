package org.ketaminecds.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser origins allowed to call the service (e.g. {@code https://sandbox.cds-hooks.org}). Empty by
 * default: EHRs call server to server and need no CORS; a browser client must be listed explicitly.
 *
 * @param allowedOrigins browser origins allowed to call {@code /cds-services/**}; empty = cross-origin browser calls get 403
 * @param maxAge how long browsers may cache a preflight answer
 */
@Validated
@ConfigurationProperties("cds.cors")
public record CorsProperties(List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {

  public CorsProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
