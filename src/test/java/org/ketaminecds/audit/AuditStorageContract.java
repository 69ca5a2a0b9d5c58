package org.ketaminecds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.ketaminecds.audit.Invocations.CLIENT;
import static org.ketaminecds.audit.Invocations.PATIENT_ID;
import static org.ketaminecds.audit.Invocations.SERVICE;
import static org.ketaminecds.audit.Invocations.card;
import static org.ketaminecds.audit.Invocations.invocation;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.prefetch.PatientData.KeySource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The audit store's behaviour, run once per database by {@link AuditStorageIntegrationTests}. */
abstract class AuditStorageContract extends StorageIntegrationSupport {

  AuditStorageContract(TestDatabase database) {
    super(database);
  }

  @Test
  void storesOneRowPerInvocationWithTheRuleOfEachCard() {
    IssuedCard warning = card("esketamine-rems", Indicator.WARNING, 2);
    IssuedCard critical = card("esketamine-aneurysm", Indicator.CRITICAL, 0);
    InvocationAudit audit = new InvocationAudit(Instant.parse("2026-03-02T10:15:30Z"), "hook-instance-1", SERVICE,
        "order-sign", CLIENT, PATIENT_ID, List.of(warning, critical),
        Map.of("patient", KeySource.PREFETCHED, "meds", KeySource.PREFETCHED, "conditions", KeySource.FETCHED),
        new Timings(Duration.ofMillis(12), Duration.ofMillis(9), Duration.ofMillis(4), Duration.ofNanos(1_500_000),
            Duration.ofMillis(20)),
        List.of("trd-history"), "ok");

    record(audit);

    Map<String, Object> row = jdbc().sql("SELECT * FROM invocation_audit").query().singleRow();
    assertThat(lowerCaseKeys(row))
        .containsEntry("hook_instance", "hook-instance-1")
        .containsEntry("service_id", SERVICE)
        .containsEntry("hook", "order-sign")
        .containsEntry("client_issuer", "https://ehr.example.org")
        .containsEntry("client_tenant", "tenant-a")
        .containsEntry("outcome", "ok")
        .containsEntry("cards_info", 0)
        .containsEntry("cards_warning", 1)
        .containsEntry("cards_critical", 1)
        .containsEntry("prefetch_keys_received", "meds,patient")
        .containsEntry("prefetch_keys_fetched", "conditions")
        .containsEntry("degraded_rules", "trd-history")
        .containsEntry("prefetch_micros", 12_000L)
        .containsEntry("fetch_micros", 9_000L)
        .containsEntry("evaluate_micros", 4_000L)
        .containsEntry("render_micros", 1_500L)
        .containsEntry("total_micros", 20_000L);
    assertThat((String) lowerCaseKeys(row).get("patient_hash")).matches("[0-9a-f]{64}");
    List<Map<String, Object>> cards = jdbc().sql("SELECT * FROM issued_card ORDER BY rule_id").query().listOfRows();
    assertThat(cards).extracting(c -> lowerCaseKeys(c).get("rule_id"))
        .containsExactly("esketamine-aneurysm", "esketamine-rems");
    assertThat(cards).extracting(c -> lowerCaseKeys(c).get("card_uuid"))
        .containsExactly(critical.uuid(), warning.uuid());
    assertThat(lowerCaseKeys(cards.get(1)).get("suggestion_uuids"))
        .isEqualTo(String.join(",", warning.suggestionUuids()));
  }

  @Test
  void keepsNoPatientIdInClearInAnyColumnOfAnyTable() throws SQLException {
    record(invocation(Instant.now(), 10, card("esketamine-rems", Indicator.WARNING, 1)));
    record(invocation(Instant.now(), 12));

    List<String> values = allStoredValues();

    assertThat(values).isNotEmpty();
    assertThat(values).noneMatch(v -> v.toLowerCase().contains(PATIENT_ID.toLowerCase()))
        .noneMatch(v -> v.toLowerCase().contains("mustermann"))
        .noneMatch(v -> v.contains("jti-1"));
  }

  @Test
  void hashesTheSamePatientAlikeAndOthersDifferently() {
    record(invocation(Instant.now(), 10));
    record(invocation(Instant.now(), 10));
    record(new InvocationAudit(Instant.now(), "h", SERVICE, "order-sign", CLIENT, "another-patient", List.of(),
        Map.of(), null, List.of(), "ok"));

    List<String> hashes = jdbc().sql("SELECT DISTINCT patient_hash FROM invocation_audit").query(String.class).list();

    assertThat(hashes).hasSize(2).allMatch(h -> h.matches("[0-9a-f]{64}"));
  }

  @Test
  void keepsAuditRowsAndThePatientHashSecretAcrossARestart() {
    record(invocation(Instant.now(), 10, card("esketamine-rems", Indicator.WARNING, 1)));
    String before = jdbc().sql("SELECT patient_hash FROM invocation_audit").query(String.class).single();

    restart();
    record(invocation(Instant.now(), 10));

    assertThat(count("invocation_audit")).isEqualTo(2);
    assertThat(count("issued_card")).isEqualTo(1);
    assertThat(jdbc().sql("SELECT DISTINCT patient_hash FROM invocation_audit").query(String.class).list())
        .containsExactly(before);
    Path secret = context().getBean(StorageProperties.class).dataDir().resolve(PatientIdHasher.SECRET_FILE);
    assertThat(Files.exists(secret)).isTrue();
  }

  @Test
  void neverThrowsWhenTheDatabaseIsDownAndCountsTheLoss() {
    try (ConfigurableApplicationContext broken = start()) {
      ((HikariDataSource) broken.getBean(DataSource.class)).close();

      assertThatCode(() -> broken.getBeansOfType(AuditSink.class).values()
          .forEach(sink -> sink.record(invocation(Instant.now(), 10, card("r", Indicator.INFO, 0)))))
          .doesNotThrowAnyException();

      assertThat(broken.getBean(MeterRegistry.class).counter("cds.audit.write.failures").count()).isEqualTo(1.0);
    }
  }

  @Test
  void purgesInvocationsCardsAndFeedbackOlderThanTheRetention() {
    Instant now = Instant.parse("2026-06-01T00:00:00Z");
    Instant old = now.minus(401, ChronoUnit.DAYS);
    Instant recent = now.minus(399, ChronoUnit.DAYS);
    record(invocation(old, 10, card("r1", Indicator.INFO, 0), card("r2", Indicator.INFO, 0)));
    record(invocation(recent, 10, card("r1", Indicator.INFO, 0)));
    insertFeedback(old);
    insertFeedback(recent);

    AuditRetention.Purged purged = context().getBean(AuditRetention.class).purge(now);

    assertThat(purged).isEqualTo(new AuditRetention.Purged(1, 1));
    assertThat(count("invocation_audit")).isEqualTo(1);
    assertThat(count("issued_card")).isEqualTo(1);
    assertThat(count("feedback")).isEqualTo(1);
    assertThat(jdbc().sql("SELECT received_at FROM invocation_audit").query(java.time.OffsetDateTime.class)
        .single().toInstant()).isEqualTo(recent);
  }

  private void insertFeedback(Instant receivedAt) {
    var at = receivedAt.atOffset(java.time.ZoneOffset.UTC);
    jdbc().sql("""
            INSERT INTO feedback (item_key, service_id, card_uuid, rule_id, card_issued_at, outcome,
              accepted_suggestions, received_at)
            VALUES (?, ?, ?, 'r1', ?, 'accepted', '', ?)""")
        .params(UUID.randomUUID().toString().replace("-", ""), SERVICE, UUID.randomUUID().toString(), at, at)
        .update();
  }

  /** Every non-null value of every column of every row of every table, as text. */
  private List<String> allStoredValues() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = context().getBean(DataSource.class).getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).extracting(String::toLowerCase).contains("invocation_audit", "issued_card");
      for (String table : tables) {
        try (var statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              Object value = rs.getObject(i);
              if (value != null) {
                values.add(value.toString());
              }
            }
          }
        }
      }
    }
    return values;
  }

  /** H2 reports column names in upper case, PostgreSQL in lower case. */
  static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
    Map<String, Object> lower = new java.util.HashMap<>();
    row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
    return lower;
  }
}
