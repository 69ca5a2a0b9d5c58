package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientIdHasherTests {

  private static final String SECRET = "a-configured-secret-of-32-chars!!";

  @TempDir Path dataDir;

  private static AuditProperties audit(String secret) {
    return new AuditProperties(secret, Duration.ofDays(400), "-");
  }

  @Test
  void hashesWithTheConfiguredSecretDeterministically() {
    PatientIdHasher hasher = PatientIdHasher.from(audit(SECRET), new StorageProperties(dataDir));

    String hash = hasher.hash("pat-1");

    assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(hasher.hash("pat-1")).isNotEqualTo(hasher.hash("pat-2"));
    assertThat(dataDir.resolve(PatientIdHasher.SECRET_FILE)).doesNotExist();
  }

  @Test
  void givesDifferentHashesUnderDifferentSecrets() {
    String one = PatientIdHasher.from(audit(SECRET), new StorageProperties(dataDir)).hash("pat-1");
    String other = PatientIdHasher.from(audit(SECRET + "x"), new StorageProperties(dataDir)).hash("pat-1");

    assertThat(one).isNotEqualTo(other);
  }

  @Test
  void generatesASecretOnceInTheDataDirectoryReadableOnlyByItsOwner() throws Exception {
    String first = PatientIdHasher.from(audit(null), new StorageProperties(dataDir)).hash("pat-1");
    Path file = dataDir.resolve(PatientIdHasher.SECRET_FILE);
    String stored = Files.readString(file);

    String second = PatientIdHasher.from(audit(null), new StorageProperties(dataDir)).hash("pat-1");

    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(stored);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void hashesNoIdToNull() {
    assertThat(PatientIdHasher.from(audit(SECRET), new StorageProperties(dataDir)).hash(null)).isNull();
  }

  @Test
  void rejectsAShortConfiguredSecretAndHidesItInToString() {
    assertThatThrownBy(() -> audit("too-short")).hasMessageContaining("cds.audit.patient-hash-secret");
    assertThat(audit(SECRET).toString()).doesNotContain(SECRET);
  }
}
