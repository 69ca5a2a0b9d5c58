package org.ketaminecds.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A copy of the test content ({@code test-content/}: ExampleCheck.cql and ketamine-test-check.json) in temporary
 * {@code file:} folders that a test edits while the service runs, and the hook request that makes its aneurysm rule
 * fire.
 */
final class ReloadableContent {

  static final String SERVICE = "/cds-services/ketamine-test-check";
  static final String ADMIN_TOKEN = "reload-tests-admin-token-0123456789";
  static final String CQL_FILE = "ExampleCheck.cql";
  static final String HOOKS_FILE = "ketamine-test-check.json";
  private static final Path SOURCE = Path.of("src/test/resources/test-content");

  final Path cql;
  final Path hooks;
  final String originalCql;
  final String originalHooks;

  ReloadableContent() {
    try {
      var root = Files.createTempDirectory("reloadable-content");
      cql = Files.createDirectories(root.resolve("cql"));
      hooks = Files.createDirectories(root.resolve("cds-hooks"));
      originalCql = Files.readString(SOURCE.resolve("cql").resolve(CQL_FILE));
      originalHooks = Files.readString(SOURCE.resolve("cds-hooks").resolve(HOOKS_FILE));
      restore();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String cqlLocation() {
    return "file:" + cql.toAbsolutePath() + "/";
  }

  String hooksLocation() {
    return "file:" + hooks.toAbsolutePath() + "/";
  }

  void restore() {
    write(originalCql, originalHooks);
  }

  /** Writes both files (either may be null: left as it is). */
  void write(String cqlText, String hooksText) {
    try {
      if (cqlText != null) {
        Files.writeString(cql.resolve(CQL_FILE), cqlText);
      }
      if (hooksText != null) {
        Files.writeString(hooks.resolve(HOOKS_FILE), hooksText);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An order-sign request for a patient with an aortic aneurysm (Condition/c1) and a PHQ-9 two days ago. */
  static String aneurysmRequest() {
    var today = LocalDate.now(ZoneOffset.UTC);
    return """
        { "hook": "order-sign", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
          "context": { "userId": "Practitioner/pr1", "patientId": "p1",
            "draftOrders": { "resourceType": "Bundle", "type": "collection", "entry": [
              { "resource": { "resourceType": "MedicationRequest", "id": "draft-1", "status": "draft",
                  "intent": "order", "subject": { "reference": "Patient/p1" }, "authoredOn": "%s",
                  "medicationCodeableConcept": { "text": "esketamine 56 mg" } } } ] } },
          "prefetch": {
            "patient": { "resourceType": "Patient", "id": "p1", "gender": "female" },
            "conditions": { "resourceType": "Bundle", "type": "searchset", "entry": [
              { "resource": { "resourceType": "Condition", "id": "c1", "subject": { "reference": "Patient/p1" },
                  "code": { "text": "Abdominal aortic aneurysm", "coding": [
                    { "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I71.4" } ] },
                  "onsetDateTime": "%s" } } ] },
            "phq9": { "resourceType": "Bundle", "type": "searchset", "entry": [
              { "resource": { "resourceType": "Observation", "id": "o1", "status": "final",
                  "subject": { "reference": "Patient/p1" },
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "44261-6" } ] },
                  "effectiveDateTime": "%s", "valueQuantity": { "value": 21 } } } ] } } }
        """.formatted(today, today.minusDays(400), ZonedDateTime.now(ZoneOffset.UTC).minusDays(2).toInstant());
  }
}
