package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/** With {@code cds.console.enabled=false} (as in profile prod) nothing of the console exists: 404 and no key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.console.enabled=false",
    "cds.storage.data-dir=./target/console-tests-disabled"})
class ConsoleDisabledIntegrationTests {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void answers404ForThePageItsApiAndTheRoot() throws Exception {
    assertThat(status("GET", "/")).isEqualTo(404);
    assertThat(status("GET", "/preview/")).isEqualTo(404);
    assertThat(status("GET", "/preview/index.html")).isEqualTo(404);
    assertThat(status("GET", "/preview/js/main.js")).isEqualTo(404);
    assertThat(status("GET", "/preview/api/patients")).isEqualTo(404);
    assertThat(status("POST", "/preview/api/token")).isEqualTo(404);
  }

  @Test
  void createsNoSigningKeySoNoConsoleIssuerIsTrusted() {
    assertThat(context.getBeansOfType(ConsoleSigningKey.class)).isEmpty();
    assertThat(context.getBeansOfType(ConsoleTokens.class)).isEmpty();
  }

  @Test
  void theProdProfileSwitchesTheConsoleOff() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-prod.yml"));
    assertThat(yaml.getObject()).containsEntry("cds.console.enabled", false);
  }

  private int status(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, HttpRequest.BodyPublishers.ofString("{\"path\":\"/cds-services\"}"))
        .header("Content-Type", "application/json").build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
