package org.ketaminecds.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Audit trail settings.
 *
 * @param patientHashSecret HMAC key for patient ids (at least {@value #MIN_SECRET_LENGTH} characters); when
 *     unset, a random one is generated once and kept in the data directory. Never printed.
 * @param retention audit rows, issued cards and feedback older than this are purged
 * @param purgeCron when the purge runs (Spring cron, server time zone; {@code -} disables it)
 */
@Validated
@ConfigurationProperties("cds.audit")
public record AuditProperties(
    String patientHashSecret,
    @NotNull @DefaultValue("400d") Duration retention,
    @NotBlank @DefaultValue("0 30 3 * * *") String purgeCron) {

  static final int MIN_SECRET_LENGTH = 32;

  public AuditProperties {
    if (patientHashSecret != null && patientHashSecret.isBlank()) {
      patientHashSecret = null;
    }
    if (patientHashSecret != null && patientHashSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "cds.audit.patient-hash-secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
    if (retention != null && (retention.isNegative() || retention.isZero())) {
      throw new IllegalArgumentException("cds.audit.retention must be positive, was " + retention);
    }
  }

  @Override
  public String toString() {
    return "AuditProperties[patientHashSecret=" + (patientHashSecret == null ? "<generated>" : "<set>")
        + ", retention=" + retention + ", purgeCron=" + purgeCron + "]";
  }
}
