package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.audit.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas behind one load balancer: two whole applications (security on, one trusted EHR, the same public URL)
 * started at the same time on one new PostgreSQL database. Migrations run once, a JWT accepted by one replica is
 * refused by the other, feedback for a card issued by one is accepted by the other, and a reminder shown by one is
 * not repeated by the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasOnSharedDatabaseIntegrationTests {

  private static final String SERVICE = "ketamine-test-check";
  private static final String SERVICE_URL = ClientTokens.PUBLIC_BASE_URL + "/cds-services/" + SERVICE;
  private static final String REMINDER_SERVICE = "ketamine-test-reminder";
  private static final Path ROOT = Path.of("target", "replicas-tests").toAbsolutePath();

  private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
  private CdsHttp first;
  private CdsHttp second;

  @BeforeAll
  void startTwoReplicasAtOnce() throws Exception {
    String database = "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Files.createDirectories(ROOT);
    Path cql = Files.createTempDirectory(ROOT, "cql");
    Files.createDirectories(cql.resolve("vocabulary"));
    Files.writeString(cql.resolve("ExampleCheck.cql"),
        new ClassPathResource("test-content/cql/ExampleCheck.cql").getContentAsString(StandardCharsets.UTF_8));
    Path hooks = Files.createTempDirectory(ROOT, "hooks");
    Files.writeString(hooks.resolve(SERVICE + ".json"), new ClassPathResource("test-content/cds-hooks/" + SERVICE
        + ".json").getContentAsString(StandardCharsets.UTF_8));
    Files.writeString(hooks.resolve(REMINDER_SERVICE + ".json"), REMINDER_DEFINITION);
    URI jwks = SecurityFixture.jwksFile(Files.createTempDirectory(ROOT, "jwks"),
        ClientTokens.publicKeys(ClientTokens.EC_KEY));
    List<String> shared = new ArrayList<>(List.of(
        "--server.port=0",
        "--cds.console.enabled=false",
        "--cds.security.enabled=true",
        "--cds.security.public-base-url=" + ClientTokens.PUBLIC_BASE_URL,
        "--cds.security.clients[0].issuer=" + ClientTokens.ISSUER,
        "--cds.security.clients[0].jwks-uri=" + jwks,
        "--cds.security.clients[0].fhir-servers[0]=https://ehr.example.org/fhir",
        "--cds.audit.patient-hash-secret=replicas-share-this-secret-0123456789",
        "--cds.content.hooks-location=" + hooks.toUri(),
        "--cds.content.cql-location=" + cql.toUri()));
    for (Map.Entry<String, String> property : TestDatabase.POSTGRES.properties(database, ROOT).entrySet()) {
      if (property.getKey().startsWith("spring.datasource")) {
        shared.add("--" + property.getKey() + "=" + property.getValue());
      }
    }
    List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
    // Spring Boot's logging set-up is JVM-wide and not safe to run twice at once: one replica at a time until its
    // context is prepared; the refreshes (Flyway, content, web server) then run at the same time
    Semaphore loggingSetUp = new Semaphore(1);
    for (String name : List.of("a", "b")) {
      List<String> args = new ArrayList<>(shared);
      args.add("--cds.storage.data-dir=" + Files.createTempDirectory(ROOT, "replica-" + name));
      starting.add(CompletableFuture.supplyAsync(() -> {
        loggingSetUp.acquireUninterruptibly();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(KetamineCdsApplication.class);
        builder.listeners(event -> {
          if (event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent) {
            loggingSetUp.release();
          }
        });
        return builder.run(args.toArray(String[]::new));
      }));
    }
    try {
      for (CompletableFuture<ConfigurableApplicationContext> replica : starting) {
        replicas.add(replica.get(5, TimeUnit.MINUTES));
      }
    } finally {
      starting.forEach(replica -> replica.thenAccept(started -> {
        if (!replicas.contains(started)) {
          started.close();
        }
      }));
    }
    first = new CdsHttp(port(replicas.get(0)));
    second = new CdsHttp(port(replicas.get(1)));
  }

  @AfterAll
  void stopReplicas() {
    replicas.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void bothReplicasStartedOnOneSchemaMigratedOnce() {
    JdbcClient jdbc = replicas.get(0).getBean(JdbcClient.class);
    List<String> applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
        .query(String.class).list();

    assertThat(replicas).allMatch(ConfigurableApplicationContext::isRunning);
    assertThat(applied).doesNotHaveDuplicates().contains("1", "3", "4");
  }

  @Test
  void aTokenAcceptedByOneReplicaIsRefusedByTheOther() throws IOException {
    String token = ClientTokens.es384().audience(SERVICE_URL).sign();

    CdsHttp.Reply accepted = first.post("/cds-services/" + SERVICE, orderSign(), bearer(token));
    CdsHttp.Reply replayedElsewhere = second.post("/cds-services/" + SERVICE, orderSign(), bearer(token));
    CdsHttp.Reply replayedHere = first.post("/cds-services/" + SERVICE, orderSign(), bearer(token));

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(replayedElsewhere.status()).isEqualTo(401);
    assertThat(replayedHere.status()).isEqualTo(401);
    String fresh = ClientTokens.es384().audience(SERVICE_URL).sign();
    assertThat(second.post("/cds-services/" + SERVICE, orderSign(), bearer(fresh)).status()).isEqualTo(200);
  }

  @Test
  void feedbackForACardIssuedByOneReplicaIsAcceptedByTheOther() throws IOException {
    CdsHttp.Reply invoked = first.post("/cds-services/" + SERVICE, orderSign(),
        bearer(ClientTokens.es384().audience(SERVICE_URL).sign()));
    assertThat(invoked.status()).as(invoked.body()).isEqualTo(200);
    JsonNode card = invoked.json().get("cards").get(0);
    String feedback = """
        { "feedback": [ { "card": "%s", "outcome": "overridden", "outcomeTimestamp": "%s" } ] }"""
        .formatted(card.get("uuid").asText(), Instant.now());

    CdsHttp.Reply stored = second.post("/cds-services/" + SERVICE + "/feedback", feedback,
        bearer(ClientTokens.es384().audience(SERVICE_URL + "/feedback").sign()));

    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    long rows = replicas.get(0).getBean(JdbcClient.class)
        .sql("SELECT COUNT(*) FROM feedback WHERE card_uuid = ?").param(card.get("uuid").asText())
        .query(Long.class).single();
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void aReminderShownByOneReplicaIsNotRepeatedByTheOther() throws IOException {
    String url = ClientTokens.PUBLIC_BASE_URL + "/cds-services/" + REMINDER_SERVICE;
    String patient = "pat-reminder-" + UUID.randomUUID();
    String order = orderSign().replace("pat-roundtrip-4711", patient);

    CdsHttp.Reply shown = first.post("/cds-services/" + REMINDER_SERVICE, order,
        bearer(ClientTokens.es384().audience(url).sign()));
    CdsHttp.Reply elsewhere = second.post("/cds-services/" + REMINDER_SERVICE, orderSign().replace("pat-roundtrip-4711",
        patient), bearer(ClientTokens.es384().audience(url).sign()));
    CdsHttp.Reply otherPatient = second.post("/cds-services/" + REMINDER_SERVICE, orderSign(),
        bearer(ClientTokens.es384().audience(url).sign()));

    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().path("cards")).hasSize(1);
    assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
    assertThat(elsewhere.json().path("cards")).isEmpty();
    assertThat(otherPatient.json().path("cards")).hasSize(1);
  }

  /** An info reminder that does not repeat for 30 days, on the test library's date-window rule. */
  private static final String REMINDER_DEFINITION = """
      {
        "id": "ketamine-test-reminder",
        "hook": "order-sign",
        "description": "Test reminder shared by replicas; not clinical guidance.",
        "prefetch": {
          "patient": "Patient/{{context.patientId}}",
          "conditions": "Condition?patient={{context.patientId}}",
          "phq9": "Observation?patient={{context.patientId}}&code=http://loinc.org|44261-6"
        },
        "_config": {
          "cql": { "library": { "id": "ExampleCheck", "version": "1.0.0" } },
          "cards": [ {
            "id": "screening-reminder",
            "conditionExpression": "Needs Screening",
            "repeat": { "quietDays": 30 },
            "card": {
              "summary": "No PHQ-9 in the last 30 days",
              "detail": "Consider a PHQ-9 (test rule).",
              "indicator": "info",
              "source": { "label": "ketamine-cds test content" }
            }
          } ]
        }
      }
      """;

  private static String orderSign() throws IOException {
    return new ClassPathResource("roundtrip/order-sign.json").getContentAsString(StandardCharsets.UTF_8)
        .replace("3f1c2a9e-0000-4000-8000-roundtrip001", UUID.randomUUID().toString());
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private static int port(ConfigurableApplicationContext replica) {
    return Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
  }
}
