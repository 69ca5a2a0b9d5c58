package org.ketaminecds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.definition.ContentExamples.ORDER_CHECK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ketaminecds.CdsHttp;
import org.ketaminecds.CdsHttp.Reply;
import org.ketaminecds.EhrServer;
import org.ketaminecds.definition.ContentExamples;

/**
 * Issue 4 end to end on the real server (Tomcat, filters, real content): every endpoint requires the EHR's JWT and
 * answers a bare 401 otherwise, valid ES384 and RS384 tokens work, a fhirServer off the allow-list is refused before
 * any outbound call, and the body limit answers 413 while a realistic multi-megabyte prefetch passes.
 */
class SecurityEndToEndIntegrationTests extends SecuredServiceIntegration {

  static final String SERVICE_PATH = "/cds-services/" + ORDER_CHECK;
  static final String FEEDBACK_PATH = SERVICE_PATH + "/feedback";
  static final String CASE = "esketamine-trd-met";

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("GET", "/cds-services"),
        Arguments.of("POST", SERVICE_PATH),
        Arguments.of("POST", FEEDBACK_PATH));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void answersABare401WithoutAClientJwt(String method, String path) {
    var reply = call(method, path);

    assertUnauthenticated(reply);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void answersTheSameBare401WhateverIsWrongWithTheToken(String method, String path) {
    var audience = ClientTokens.PUBLIC_BASE_URL + path;
    var rejected = List.of(
        ClientTokens.es384().audience(audience).expiresIn(-600).sign(),
        ClientTokens.es384().audience(audience + "-elsewhere").sign(),
        ClientTokens.es384().audience(audience).issuer("https://other-ehr.example.org").sign(),
        ClientTokens.signedWith(com.nimbusds.jose.JWSAlgorithm.ES384, ClientTokens.EC_KEY_2).audience(audience).sign(),
        ClientTokens.unsecured(),
        "not-a-jwt");
    var bodies = rejected.stream()
        .map(token -> call(method, path, "Authorization", "Bearer " + token))
        .peek(SecurityEndToEndIntegrationTests::assertUnauthenticated)
        .map(Reply::body)
        .distinct()
        .toList();

    assertThat(bodies).hasSize(1);
  }

  @Test
  void listsTheServicesForAValidToken() {
    var reply = http.get("/cds-services", bearer(DISCOVERY_URL));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().path("services")).extracting(s -> s.path("id").asText())
        .contains(ORDER_CHECK, ContentExamples.CHART_REVIEW);
  }

  @Test
  void answersAServiceCallForAValidEs384Token() {
    var reply = invoke(ContentExamples.request(ORDER_CHECK, CASE), ClientTokens.es384().sign());

    assertThat(cards(reply)).hasSize(3);
  }

  @Test
  void answersAServiceCallForAValidRs384Token() {
    var reply = invoke(ContentExamples.request(ORDER_CHECK, CASE), ClientTokens.rs384().sign());

    assertThat(cards(reply)).hasSize(3);
  }

  @Test
  void acceptsFeedbackWithAValidTokenOnACardItIssued() {
    var card = cards(invoke(ContentExamples.request(ORDER_CHECK, CASE), ClientTokens.es384().sign())).get(0);
    var feedback = HOOK_JSON.createObjectNode();
    feedback.putArray("feedback").addObject()
        .put("card", card.path("uuid").asText())
        .put("outcome", "overridden")
        .put("outcomeTimestamp", Instant.now().toString());

    var reply = http.post(FEEDBACK_PATH, feedback.toString(), bearer(serviceUrl(ORDER_CHECK) + "/feedback"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @Test
  void answers403WithoutAnyOutboundCallForAFhirServerOffTheAllowList() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    EhrServer.moveToEhr(request, ContentExamples.prefetchTemplates(ORDER_CHECK), ACCESS_TOKEN, "conditions");
    // the same WireMock server under a path the client may not send: a call would show up there
    request.put("fhirServer", EhrServer.wiremock().baseUrl() + "/other-ehr/fhir");

    var reply = invoke(request, ClientTokens.es384().sign());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.problemType()).isEqualTo("client-not-trusted");
    assertThat(reply.body()).doesNotContain(ACCESS_TOKEN);
    assertThat(EhrServer.wiremock().getAllServeEvents()).isEmpty();
  }

  @Test
  void fetchesFromTheAllowedFhirServerWithTheEhrAccessToken() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    EhrServer.moveToEhr(request, ContentExamples.prefetchTemplates(ORDER_CHECK), ACCESS_TOKEN, "conditions");

    var reply = invoke(request, ClientTokens.es384().sign());

    assertThat(cards(reply)).hasSize(3);
    assertThat(EhrServer.requests()).singleElement().satisfies(r ->
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN));
  }

  @Test
  void answers413ProblemForADeclaredBodyOverTheLimit() {
    var body = oversizedBody();

    var reply = http.send(http.post(SERVICE_PATH, BodyPublishers.ofByteArray(body), bearer(serviceUrl(ORDER_CHECK))));

    assertPayloadTooLarge(reply);
  }

  @Test
  void answers413ProblemForAChunkedBodyOverTheLimit() {
    var body = oversizedBody();
    // no Content-Length: the publisher does not know its length, so the client sends it chunked
    Flow.Publisher<java.nio.ByteBuffer> chunked = BodyPublishers.ofInputStream(() ->
        new java.io.ByteArrayInputStream(body));

    var reply = http.send(http.post(SERVICE_PATH, BodyPublishers.fromPublisher(chunked), bearer(serviceUrl(ORDER_CHECK))));

    assertPayloadTooLarge(reply);
  }

  @Test
  void answersARequestWithARealisticFiveMegabytePrefetch() {
    var request = ContentExamples.request(ORDER_CHECK, CASE);
    var readings = (ArrayNode) request.path("prefetch").path("bloodPressure").path("entry");
    var latest = (ObjectNode) readings.get(0);
    // a year of home blood pressure readings, about four a day, older than the latest one; as EHRs send them,
    // each with its generated narrative
    for (int i = 1; readings.size() < 1_500; i++) {
      var reading = latest.deepCopy();
      var resource = (ObjectNode) reading.path("resource");
      resource.put("id", "bp-history-" + i);
      resource.put("effectiveDateTime", Instant.now().minusSeconds(86_400L * 4 + i * 21_000L).toString());
      resource.putObject("text").put("status", "generated").put("div", narrative(i));
      readings.add(reading);
    }
    var json = ContentExamples.json(request);
    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isBetween(4_500_000, 6_000_000);

    var reply = http.post(SERVICE_PATH, json, bearer(serviceUrl(ORDER_CHECK)));

    assertThat(cards(reply)).hasSize(3)
        .anySatisfy(card -> assertThat(card.path("detail").asText()).contains("122/78 mmHg"));
  }

  /** An XHTML narrative of the size EHRs generate for a vital-signs panel (about 2.7 kB). */
  private static String narrative(int i) {
    var rows = new StringBuilder();
    for (int row = 0; row < 20; row++) {
      rows.append("<tr><td>Reading ").append(row).append(" of series ").append(i)
          .append("</td><td>Home monitor, left arm, seated after 5 minutes rest</td><td>mm[Hg]</td></tr>");
    }
    return "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Blood pressure panel</b></p><table>" + rows
        + "</table></div>";
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper HOOK_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private Reply call(String method, String path, String... headers) {
    return "GET".equals(method) ? http.get(path, headers) : http.post(path, "{}", headers);
  }

  private Reply invoke(ObjectNode request, String jwt) {
    return http.post(SERVICE_PATH, ContentExamples.json(request), "Authorization", "Bearer " + jwt);
  }

  private static List<JsonNode> cards(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    var cards = new java.util.ArrayList<JsonNode>();
    reply.json().path("cards").forEach(cards::add);
    return cards;
  }

  /** 17 MB (the limit is 16 MB): a hook request whose prefetch carries one huge note. */
  private static byte[] oversizedBody() {
    var text = "x".repeat(17 * 1024 * 1024);
    return ("{\"hook\":\"order-sign\",\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"text\":{\"div\":\""
        + text + "\"}}}}").getBytes(StandardCharsets.UTF_8);
  }

  static void assertUnauthenticated(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    assertThat(reply.contentType()).startsWith(CdsHttp.PROBLEM_JSON);
    var problem = reply.json();
    assertThat(problem.path("type").asText()).isEqualTo("https://ketamine-cds.org/problems/unauthenticated");
    assertThat(problem.path("status").asInt()).isEqualTo(401);
    assertThat(problem.has("detail")).as("a 401 says nothing about which check failed").isFalse();
  }

  private static void assertPayloadTooLarge(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.problemType()).isEqualTo("payload-too-large");
  }
}
