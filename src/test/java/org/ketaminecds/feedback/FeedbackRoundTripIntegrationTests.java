package org.ketaminecds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminecds.KetamineCdsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The whole application on the embedded default: invoke a service over HTTP, post feedback for its cards
 * (one accepted with its suggestion, one overridden with a reason), restart the application, and the admin
 * report shows them; the audit trail holds neither the patient id, the name nor the EHR token of the request.
 */
class FeedbackRoundTripIntegrationTests {

  private static final String SERVICE = "ketamine-test-check";
  private static final String ADMIN_TOKEN = "round-trip-admin-token-0123456789";
  private static final String ACCESS_TOKEN = "tok-SECRET-roundtrip-7f3a";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path cqlDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reportShowsFeedbackOnInvokedCardsAfterARestart() throws Exception {
    String overrideCode = "benefit";
    try (ConfigurableApplicationContext app = start()) {
      JsonNode cards = post(app, "/cds-services/" + SERVICE, new ClassPathResource("roundtrip/order-sign.json")
          .getContentAsString(StandardCharsets.UTF_8), 200).get("cards");
      JsonNode aneurysm = card(cards, "critical");
      JsonNode screening = card(cards, "warning");
      String suggestion = aneurysm.get("suggestions").get(0).get("uuid").asText();
      String feedback = """
          { "feedback": [
            { "card": "%s", "outcome": "accepted", "acceptedSuggestions": [ { "id": "%s" } ],
              "outcomeTimestamp": "%s" },
            { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s",
              "overrideReason": { "reason": { "system": "http://ketamine-cds.org/test/override", "code": "%s",
                "display": "Benefit outweighs risk" }, "userComment": "discussed with psychiatry" } } ] }"""
          .formatted(aneurysm.get("uuid").asText(), suggestion, Instant.now(), screening.get("uuid").asText(),
              Instant.now(), overrideCode);

      post(app, "/cds-services/" + SERVICE + "/feedback", feedback, 200);
      post(app, "/cds-services/" + SERVICE + "/feedback", feedback, 200);
      JsonNode unknown = post(app, "/cds-services/" + SERVICE + "/feedback", """
          { "feedback": [ { "card": "never-issued", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }"""
          .formatted(Instant.now()), 422);
      assertThat(unknown.get("type").asText()).isEqualTo("https://ketamine-cds.org/problems/unknown-card");
      assertThat(get(app, "/actuator/prometheus", null).body()).contains("cds_cards_total{")
          .contains("rule=\"aneurysm\"").contains("cds_invocation_phase_seconds_count{");
    }

    try (ConfigurableApplicationContext restarted = start()) {
      String today = LocalDate.now(ZoneOffset.UTC).toString();
      HttpResponse<String> response = get(restarted, "/admin/report?from=" + today + "&to=" + today, ADMIN_TOKEN);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode rules = JSON.readTree(response.body()).get("rules");
      JsonNode aneurysm = rule(rules, "aneurysm");
      JsonNode screening = rule(rules, "no-recent-screening");
      assertThat(aneurysm.get("fired").asLong()).isEqualTo(1);
      assertThat(aneurysm.get("accepted").asLong()).isEqualTo(1);
      assertThat(aneurysm.get("overridden").asLong()).isZero();
      assertThat(screening.get("fired").asLong()).isEqualTo(1);
      assertThat(screening.get("overridden").asLong()).isEqualTo(1);
      assertThat(screening.get("overrideReasons").get(0).get("code").asText()).isEqualTo(overrideCode);
      assertThat(screening.get("overrideReasons").get(0).get("count").asLong()).isEqualTo(1);
      assertThat(get(restarted, "/admin/report", null).statusCode()).isEqualTo(401);

      List<String> stored = everyStoredValue(restarted.getBean(DataSource.class));
      assertThat(stored).anyMatch(v -> v.equals("3f1c2a9e-0000-4000-8000-roundtrip001"));
      assertThat(stored)
          .noneMatch(v -> v.contains("pat-roundtrip-4711"))
          .noneMatch(v -> v.contains("Roundtripperson"))
          .noneMatch(v -> v.contains("1971-02-03"))
          .noneMatch(v -> v.contains(ACCESS_TOKEN));
    }
  }

  /** The test content's CQL in a folder of its own: the CQL loader needs a vocabulary/ folder, even empty. */
  @BeforeEach
  void copyTestCql() throws IOException {
    Files.createDirectories(cqlDir.resolve("vocabulary"));
    Files.writeString(cqlDir.resolve("ExampleCheck.cql"),
        new ClassPathResource("test-content/cql/ExampleCheck.cql").getContentAsString(StandardCharsets.UTF_8));
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(KetamineCdsApplication.class).run(
        "--server.port=0",
        "--cds.security.enabled=false",
        "--cds.content.hooks-location=classpath:test-content/cds-hooks/",
        "--cds.content.cql-location=" + cqlDir.toUri(),
        "--cds.storage.data-dir=" + dataDir.toAbsolutePath(),
        "--cds.admin.token=" + ADMIN_TOKEN);
  }

  private JsonNode post(ConfigurableApplicationContext app, String path, String body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(app, path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private HttpResponse<String> get(ConfigurableApplicationContext app, String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(app, path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    return URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private static JsonNode card(JsonNode cards, String indicator) {
    return StreamSupport.stream(cards.spliterator(), false)
        .filter(c -> indicator.equals(c.get("indicator").asText())).findFirst().orElseThrow();
  }

  private static JsonNode rule(JsonNode rules, String ruleId) {
    return StreamSupport.stream(rules.spliterator(), false)
        .filter(r -> ruleId.equals(r.get("ruleId").asText())).findFirst().orElseThrow();
  }

  /** Every non-null value of every column of every table, as text. */
  private static List<String> everyStoredValue(DataSource dataSource) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
          new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      for (String table : tables) {
        try (var statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          while (rs.next()) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              if (rs.getObject(i) != null) {
                values.add(rs.getObject(i).toString());
              }
            }
          }
        }
      }
    }
    return values;
  }
}
