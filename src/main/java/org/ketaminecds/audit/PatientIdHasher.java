package org.ketaminecds.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pseudonymises patient ids for the audit trail: HMAC-SHA256 with a secret key, hex encoded. The same id
 * always maps to the same hash under one key, so rows of one patient can be grouped without storing who it is.
 * Public for the other stores keyed by patient (reminders/JdbcReminderLog): one pseudonym per patient everywhere.
 */
public final class PatientIdHasher {

  static final String SECRET_FILE = "audit-patient-hash.key";
  private static final String ALGORITHM = "HmacSHA256";
  private static final Logger log = LoggerFactory.getLogger(PatientIdHasher.class);

  private final SecretKeySpec key;

  /** A hasher with this key; the application's comes from {@link #from} (configured or generated once). */
  public PatientIdHasher(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** The configured secret, else the one kept in the data directory (generated on first start). */
  static PatientIdHasher from(AuditProperties audit, StorageProperties storage) {
    if (audit.patientHashSecret() != null) {
      return new PatientIdHasher(audit.patientHashSecret().getBytes(StandardCharsets.UTF_8));
    }
    return new PatientIdHasher(storedSecret(storage.dataDir().resolve(SECRET_FILE)));
  }

  /**
   * {@code null} for a {@code null} id (e.g. an invocation rejected before its context was read). Any other text
   * that must be compared without being stored in clear (e.g. a card's rendered detail) may be hashed the same way.
   */
  public String hash(String patientId) {
    if (patientId == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static byte[] storedSecret(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).trim());
      if (secret.length < 32) {
        throw new IllegalStateException("Patient-hash secret " + file + " is shorter than 32 bytes");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the patient-hash secret " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      Files.writeString(Files.createFile(file), Base64.getEncoder().encodeToString(secret));
      restrictToOwner(file);
      log.info("Generated the audit patient-hash secret in {}; production sets cds.audit.patient-hash-secret",
          file.toAbsolutePath());
    } catch (FileAlreadyExistsException raceLostToAnotherStart) {
      // another process created it first: use theirs
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: the directory's ACL applies
    }
  }
}
