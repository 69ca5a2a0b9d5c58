package org.ketaminecds.reload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.CdsHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Live reload on the real application, content in {@code file:} folders as a site deploys it: an edit is served
 * without a restart, a broken edit is rejected with its file:line:column while the last good version keeps serving.
 * Waits are bounded (20 s) and poll; nothing asserts how fast.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cds.security.enabled=false",
    "cds.console.enabled=false",
    "cds.admin.token=" + ReloadableContent.ADMIN_TOKEN,
    "cds.content.watch-debounce=300ms"})
class ContentReloadIntegrationTests {

  static final ReloadableContent CONTENT = new ReloadableContent();
  static final Duration AT_MOST = Duration.ofSeconds(20);

  @DynamicPropertySource
  static void contentFolders(DynamicPropertyRegistry registry) {
    registry.add("cds.content.cql-location", CONTENT::cqlLocation);
    registry.add("cds.content.hooks-location", CONTENT::hooksLocation);
  }

  @LocalServerPort int port;
  CdsHttp http;

  @BeforeEach
  void startFromTheOriginalContent() {
    http = new CdsHttp(port);
    CONTENT.restore();
    assertThat(adminReload().status()).isEqualTo(200);
    assertThat(summaries()).contains("Contraindicated: Abdominal aortic aneurysm");
  }

  @Test
  void servesAnEditedCardAndServiceTitleWithoutRestartOnceTheFileChanges() {
    CONTENT.write(CONTENT.originalCql.replace("Coalesce(C.code.text, 'aortic aneurysm')",
            "'Edited: ' + Coalesce(C.code.text, 'aortic aneurysm')"),
        CONTENT.originalHooks.replace("Test check (runner fixture)", "Test check, edited"));

    await(() -> summaries().toString().contains("Contraindicated: Edited: Abdominal aortic aneurysm"));
    await(() -> http.get("/cds-services").body().contains("Test check, edited"));
    assertThat(readiness().path("components").path("content").path("details").path("lastReload").asText())
        .isEqualTo("loaded");
  }

  @Test
  void keepsServingTheLastGoodVersionAndReportsFileLineAndColumnWhenAnEditBreaksTheCql() {
    CONTENT.write(CONTENT.originalCql.replace("  exists \"Aneurysm Conditions\"", "  exists \"Aneurysm Conditionz\""),
        null);

    await(() -> readiness().toString().contains("ExampleCheck.cql:22:"));
    var content = readiness().path("components").path("content");
    assertThat(content.path("status").asText()).isEqualTo("UP");
    assertThat(content.path("details").path("lastReload").asText()).isEqualTo("rejected");
    assertThat(content.path("details").path("errors").get(0).asText())
        .startsWith(CONTENT.cql.toAbsolutePath() + "/ExampleCheck.cql:22:")
        .contains("Aneurysm Conditionz");
    assertThat(summaries()).contains("Contraindicated: Abdominal aortic aneurysm");

    var rejected = adminReload();
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith(CdsHttp.PROBLEM_JSON));
    assertThat(rejected.json().path("errors").get(0).asText()).contains("ExampleCheck.cql:22:");
  }

  @Test
  void rejectsAServiceDefinitionEditNamingTheFileAndField() {
    CONTENT.write(null, CONTENT.originalHooks.replace("\"indicator\": \"critical\"", "\"indicator\": \"severe\""));

    var rejected = adminReload();

    assertThat(rejected.status()).isEqualTo(422);
    assertThat(rejected.json().path("errors").toString()).contains(ReloadableContent.HOOKS_FILE)
        .contains("indicator");
    assertThat(summaries()).contains("Contraindicated: Abdominal aortic aneurysm");
  }

  @Test
  void answersAdminCallsOnlyWithTheAdminToken() {
    assertThat(http.post(ReloadController.RELOAD_PATH, "").status()).isEqualTo(401);
    assertThat(http.post(ReloadController.RELOAD_PATH, "", "Authorization", "Bearer wrong-token-wrong-token-xx")
        .status()).isEqualTo(401);
    var status = http.get(ReloadController.STATUS_PATH, "Authorization", "Bearer " + ReloadableContent.ADMIN_TOKEN);
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().path("services").toString()).contains("ketamine-test-check");
    assertThat(status.json().path("watching")).hasSize(2);
  }

  private CdsHttp.Reply adminReload() {
    return http.post(ReloadController.RELOAD_PATH, "", "Authorization", "Bearer " + ReloadableContent.ADMIN_TOKEN);
  }

  private java.util.List<String> summaries() {
    var reply = http.post(ReloadableContent.SERVICE, ReloadableContent.aneurysmRequest());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var summaries = new java.util.ArrayList<String>();
    reply.json().path("cards").forEach(card -> summaries.add(card.path("summary").asText()));
    return summaries;
  }

  private JsonNode readiness() {
    return http.get("/actuator/health/readiness").json();
  }

  static void await(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + AT_MOST.toNanos();
    while (!condition.get()) {
      assertThat(System.nanoTime()).as("condition not met within %s", AT_MOST).isLessThan(deadline);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
