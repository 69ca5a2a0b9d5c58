package org.ketaminecds.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The admin endpoints' own credential, separate from the CDS client JWT trust.
 *
 * @param token bearer secret for {@code /admin/**} (at least {@value #MIN_TOKEN_LENGTH} characters); unset or
 *     blank disables the endpoints (404). Never printed.
 */
@ConfigurationProperties("cds.admin")
public record AdminProperties(String token) {

  static final int MIN_TOKEN_LENGTH = 24;

  public AdminProperties {
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("cds.admin.token must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
  }

  boolean enabled() {
    return token != null;
  }

  @Override
  public String toString() {
    return "AdminProperties[token=" + (token == null ? "<unset: admin endpoints disabled>" : "<set>") + "]";
  }
}
