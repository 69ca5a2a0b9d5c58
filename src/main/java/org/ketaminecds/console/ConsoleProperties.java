package org.ketaminecds.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cds.console.*}: the preview console at {@code /preview/}. Every key is documented in
 * docs/deploy/configuration.md. Off unless switched on: the embedded default (application.yml) switches it on, the
 * {@code prod} profile switches it off.
 *
 * @param enabled       serve /preview/ and trust the console's in-memory signing key; false = 404 and no key
 * @param issuer        {@code iss} of the console's JWTs, registered as a trusted CDS client while enabled
 * @param tokenLifetime how long a console JWT is valid (one call each; fresh {@code jti} per call)
 * @param userId        {@code context.userId} of the console's hook requests
 * @param demoLocation  Spring resource location of the demo data (patients.json, patients/, products.json)
 */
@Validated
@ConfigurationProperties("cds.console")
public record ConsoleProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("urn:ketamine-cds:preview-console") @NotBlank String issuer,
    @DefaultValue("60s") @NotNull Duration tokenLifetime,
    @DefaultValue("Practitioner/demo-psychiatrist") @NotBlank String userId,
    @DefaultValue("classpath:content/cds-hooks/demo/") @NotBlank String demoLocation) {

  public ConsoleProperties {
    if (tokenLifetime != null && (tokenLifetime.isNegative() || tokenLifetime.isZero()
        || tokenLifetime.compareTo(Duration.ofMinutes(5)) > 0)) {
      throw new IllegalArgumentException("cds.console.token-lifetime must be between 1s and 5m, got " + tokenLifetime);
    }
    if (userId != null && !userId.matches("(Practitioner|PractitionerRole|Patient|RelatedPerson)/[A-Za-z0-9\\-.]{1,64}")) {
      throw new IllegalArgumentException("cds.console.user-id must be a relative reference such as "
          + "Practitioner/123, got " + userId);
    }
  }
}
