package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.definition.ContentExamples.CHART_REVIEW;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.EhrServer;
import org.ketaminecds.definition.ContentExamples;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Issue 4, logs: representative traffic (every content example on every hook, prefetch and fetch with an EHR access
 * token, JWT-verified calls, feedback, and the error paths) runs with the root logger at DEBUG, as an operator
 * chasing a problem would set it, and an appender sees every event of every thread. No line may carry an access
 * token, a JWT, or a patient's name or birth date from the test data.
 */
class NoSecretsInLogsIntegrationTests extends SecuredServiceIntegration {

  /** JWTs: three base64url segments, the header a JSON object (so it starts with "eyJ"). */
  static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  /** UUIDs (hookInstance, card uuids), whose hex groups can spell a year. */
  static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** EHR access tokens are often JWTs too. */
  static final String JWT_ACCESS_TOKEN = ClientTokens.rs384().issuer("https://auth.ehr.example.org")
      .audience(EhrServer.fhirBase()).sign();

  private final Capture capture = new Capture();
  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<String> patientWords = new ArrayList<>();
  private LogLevel rootLevel;

  @BeforeEach
  void captureEveryLogEventAtDebug() {
    var logging = LoggingSystem.get(getClass().getClassLoader());
    rootLevel = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
    capture.start();
    root().addAppender(capture);
  }

  @AfterEach
  void restoreLogging() {
    root().detachAppender(capture);
    capture.stop();
    LoggingSystem.get(getClass().getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, rootLevel);
  }

  @Test
  void logsNoAccessTokenJwtPatientNameOrBirthDate() {
    secrets.add(ACCESS_TOKEN);
    secrets.add(JWT_ACCESS_TOKEN);

    discovery();
    everyContentExample();
    fetchesWithTheEhrToken();
    feedback();
    errors();

    var lines = capture.lines();
    assertThat(lines).as("DEBUG was on").anySatisfy(l -> assertThat(l).startsWith("DEBUG org.ketaminecds"));
    assertThat(lines).as("the traffic was logged").hasSizeGreaterThan(200);
    assertThat(patientWords).as("names and birth dates to look for").hasSizeGreaterThan(100);
    assertThat(secrets).as("tokens to look for").hasSizeGreaterThan(70);
    var patientData = Pattern.compile(patientWords.stream().distinct().map(Pattern::quote)
        .collect(Collectors.joining("|", "\\b(", ")\\b")));
    var leaks = new ArrayList<String>();
    for (var line : lines) {
      if (JWT.matcher(line).find()) {
        leaks.add("a JWT: " + line);
      }
      if (secrets.stream().anyMatch(line::contains)) {
        leaks.add("an access token or client JWT: " + line);
      }
      // ids are not patient data: a random hookInstance UUID such as 9d3f50ca-2008-4c6e-... once "leaked" the birth
      // year 2008 of a case whose birthDate is known to the year only
      var patient = patientData.matcher(UUID.matcher(line).replaceAll("<uuid>"));
      if (patient.find()) {
        leaks.add("patient data '" + patient.group() + "': " + line);
      }
    }
    assertThat(leaks).as("log lines that leak").isEmpty();
  }

  private void discovery() {
    assertThat(http.get("/cds-services", bearer(DISCOVERY_URL)).status()).isEqualTo(200);
  }

  private void everyContentExample() {
    for (var example : ContentExamples.all()) {
      var request = example.freshRequest();
      rememberPatient(request);
      var reply = http.post("/cds-services/" + example.service(), ContentExamples.json(request),
          jwt(serviceUrl(example.service())));
      assertThat(reply.status()).as(example.name() + ": " + reply).isEqualTo(200);
    }
  }

  private void fetchesWithTheEhrToken() {
    var templates = ContentExamples.prefetchTemplates(ORDER_CHECK);
    for (var token : List.of(ACCESS_TOKEN, JWT_ACCESS_TOKEN)) {
      EhrServer.reset();
      var request = ContentExamples.request(ORDER_CHECK, "esketamine-trd-met");
      rememberPatient(request);
      EhrServer.moveToEhr(request, templates, token, "patient", "conditions", "medicationRequests");
      var order = (ObjectNode) request.at("/context/draftOrders/entry/0/resource");
      order.remove("medicationCodeableConcept");
      order.putObject("medicationReference").put("reference", "Medication/spravato-28");
      EhrServer.serve("Medication/spravato-28", EhrServer.fhirJson(EhrServer.file("Medication-spravato-28.json")));
      assertThat(http.post("/cds-services/" + ORDER_CHECK, ContentExamples.json(request),
          jwt(serviceUrl(ORDER_CHECK))).status()).isEqualTo(200);
    }
    // the EHR refuses the token: 412
    EhrServer.reset();
    var request = ContentExamples.request(CHART_REVIEW, "trd-met");
    rememberPatient(request);
    var urls = EhrServer.moveToEhr(request, ContentExamples.prefetchTemplates(CHART_REVIEW), JWT_ACCESS_TOKEN,
        "conditions");
    EhrServer.serve(urls.get("conditions"), com.github.tomakehurst.wiremock.client.WireMock.unauthorized());
    assertThat(http.post("/cds-services/" + CHART_REVIEW, ContentExamples.json(request),
        jwt(serviceUrl(CHART_REVIEW))).status()).isEqualTo(412);
  }

  private void feedback() {
    var reply = http.post("/cds-services/" + ORDER_CHECK, ContentExamples.json(
        ContentExamples.request(ORDER_CHECK, "esketamine-trd-met")), jwt(serviceUrl(ORDER_CHECK)));
    var card = reply.json().path("cards").path(0).path("uuid").asText();
    var feedbackUrl = serviceUrl(ORDER_CHECK) + "/feedback";
    var ok = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\""
        + Instant.now() + "\"}]}";
    assertThat(http.post("/cds-services/" + ORDER_CHECK + "/feedback", ok, jwt(feedbackUrl)).status()).isEqualTo(200);
    assertThat(http.post("/cds-services/" + ORDER_CHECK + "/feedback", "{\"feedback\":[{\"card\":1}]}",
        jwt(feedbackUrl)).status()).isEqualTo(400);
  }

  private void errors() {
    var path = "/cds-services/" + ORDER_CHECK;
    var body = ContentExamples.json(ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));
    var audience = serviceUrl(ORDER_CHECK);
    // 401: no token, expired, wrong audience, unknown key, alg none, garbage
    assertThat(http.post(path, body).status()).isEqualTo(401);
    for (var token : List.of(remember(ClientTokens.es384().expiresIn(-600).sign()),
        remember(ClientTokens.es384().audience(audience + "/other").sign()),
        remember(ClientTokens.signedWith(com.nimbusds.jose.JWSAlgorithm.ES384, ClientTokens.EC_KEY_2).sign()),
        remember(ClientTokens.unsecured()), "Bearer-but-not-a-jwt")) {
      assertThat(http.post(path, body, "Authorization", "Bearer " + token).status()).isEqualTo(401);
    }
    // replay of a valid token
    var once = remember(ClientTokens.es384().sign());
    assertThat(http.post(path, body, "Authorization", "Bearer " + once).status()).isEqualTo(200);
    assertThat(http.post(path, body, "Authorization", "Bearer " + once).status()).isEqualTo(401);
    // 403: fhirServer off the allow-list, with a token for it
    var forbidden = ContentExamples.request(ORDER_CHECK, "esketamine-trd-met");
    EhrServer.withEhr(forbidden, JWT_ACCESS_TOKEN).put("fhirServer", "https://evil.example.org/fhir");
    assertThat(http.post(path, ContentExamples.json(forbidden), jwt(audience)).status()).isEqualTo(403);
    // 400: a malformed body and a wrong type, both carrying patient data; a hook the service does not answer
    assertThat(http.post(path, body.substring(0, body.length() / 2), jwt(audience)).status()).isEqualTo(400);
    var wrongType = ContentExamples.request(ORDER_CHECK, "esketamine-trd-met");
    wrongType.with("context").set("patientId", wrongType.at("/prefetch/patient/name"));
    assertThat(http.post(path, ContentExamples.json(wrongType), jwt(audience)).status()).isEqualTo(400);
    assertThat(http.post(path, body.replace("\"order-sign\"", "\"medication-prescribe\""), jwt(audience)).status())
        .isEqualTo(400);
    // 404, 413, 415
    assertThat(http.post("/cds-services/no-such-service", body, jwt(serviceUrl("no-such-service"))).status())
        .isEqualTo(404);
    var huge = ("{\"prefetch\":{\"patient\":{\"name\":\"" + "Reyes ".repeat(3_000_000) + "\"}}}");
    assertThat(http.send(http.post(path, BodyPublishers.ofString(huge), jwt(audience))).status()).isEqualTo(413);
    assertThat(http.send(http.post(path, BodyPublishers.ofString(body), "Content-Type", "text/plain",
        jwt(audience)[0], jwt(audience)[1])).status()).isEqualTo(415);
    // rules the engine cannot evaluate (a blood pressure dated 0001-01-01, before the start of its pairing window)
    var degraded = ContentExamples.withBloodPressureDatedYearOne(
        ContentExamples.request(ORDER_CHECK, "esketamine-trd-met"));
    assertThat(http.post(path, ContentExamples.json(degraded), jwt(audience)).json().has("extension")).isTrue();
  }

  /** A fresh client JWT for the URL, remembered as a secret. */
  private String[] jwt(String audience) {
    var header = bearer(audience);
    secrets.add(header[1].substring("Bearer ".length()));
    return header;
  }

  private String remember(String token) {
    secrets.add(token);
    return token;
  }

  private void rememberPatient(ObjectNode request) {
    var patient = request.at("/prefetch/patient");
    patient.path("name").forEach(name -> {
      if (name.hasNonNull("family")) {
        patientWords.add(name.path("family").asText());
      }
      name.path("given").forEach(given -> patientWords.add(given.asText()));
    });
    if (patient.hasNonNull("birthDate")) {
      patientWords.add(patient.path("birthDate").asText());
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Every event as text: level, logger, thread, formatted message, MDC, key-value pairs and stack trace. */
  static final class Capture extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLoggerName().startsWith("jdk.internal.httpclient")) {
        return; // the test's own HTTP client (the EHR side of the conversation), not the service
      }
      var line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " [" + event.getThreadName() + "] "
          + event.getFormattedMessage());
      event.getMDCPropertyMap().forEach((k, v) -> line.append(" ").append(k).append('=').append(v));
      if (event.getKeyValuePairs() != null) {
        event.getKeyValuePairs().forEach(kv -> line.append(" ").append(kv.key).append('=').append(kv.value));
      }
      if (event.getThrowableProxy() != null) {
        line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      lines.add(line.toString());
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }
  }
}
