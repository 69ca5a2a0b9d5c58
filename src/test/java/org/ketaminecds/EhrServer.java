package org.ketaminecds;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ketaminecds.prefetch.PrefetchTemplates;

/**
 * The EHR's FHIR server for the full-stack tests: one WireMock server per test JVM on a dynamic port (the secured
 * context puts its URL on the client's fhir-servers allow-list, so it must outlive every test class), with its base
 * at {@code /fhir}. Tests reset it before each test; FHIR bodies come from the content examples or from
 * {@code src/test/resources/wiremock/}.
 */
public final class EhrServer {

  public static final String FHIR_JSON = "application/fhir+json";

  private static WireMockServer server;

  private EhrServer() {}

  public static synchronized WireMockServer wiremock() {
    if (server == null) {
      // no gzip: Jetty's gzip buffers a dribbled body to its end, and the slow-EHR tests need a real trickle
      var started = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64).gzipDisabled(true));
      started.start();
      warmUp(started);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "ehr-server-stop"));
      server = started;
    }
    return server;
  }

  /** Jetty answers its very first request slowly (most of a second on a busy machine): not inside a test. */
  private static void warmUp(WireMockServer server) {
    try {
      var connection = (java.net.HttpURLConnection) java.net.URI.create(server.baseUrl() + "/warm-up").toURL()
          .openConnection();
      connection.getResponseCode();
      connection.disconnect();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The FHIR base URL of the EHR, as a hook request's {@code fhirServer}. */
  public static String fhirBase() {
    return wiremock().baseUrl() + "/fhir";
  }

  public static void reset() {
    wiremock().resetAll();
  }

  public static List<LoggedRequest> requests() {
    return wiremock().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  /** A FHIR body from {@code src/test/resources/wiremock/__files/}. */
  public static String file(String name) {
    try (var in = EhrServer.class.getResourceAsStream("/wiremock/__files/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no wiremock/__files/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GET of one relative FHIR URL ({@code Type?a=b&c=d} or {@code Type/id}): path and every query parameter. */
  public static MappingBuilder getOf(String relativeUrl) {
    var parts = relativeUrl.split("\\?", 2);
    var mapping = get(urlPathEqualTo("/fhir/" + parts[0]));
    query(parts.length > 1 ? parts[1] : "").forEach((name, value) -> mapping.withQueryParam(name, equalTo(value)));
    return mapping;
  }

  public static void serve(String relativeUrl, ResponseDefinitionBuilder response) {
    wiremock().stubFor(getOf(relativeUrl).willReturn(response));
  }

  public static ResponseDefinitionBuilder fhirJson(String body) {
    return okForContentType(FHIR_JSON, body);
  }

  /**
   * Moves prefetch keys of a hook request to the EHR: each key's value is removed from {@code prefetch} and
   * served at its template's URL for this request's patient, so the service must fetch it. Also sets
   * {@code fhirServer} and {@code fhirAuthorization} with {@code accessToken}.
   *
   * @return the relative URL each moved key is served at
   */
  public static Map<String, String> moveToEhr(ObjectNode request, Map<String, String> templates, String accessToken,
      String... keys) {
    var urls = new LinkedHashMap<String, String>();
    var prefetch = (ObjectNode) request.path("prefetch");
    for (var key : keys) {
      var url = urlOf(request, templates.get(key));
      JsonNode value = prefetch.remove(key);
      if (value != null && !value.isNull()) {
        serve(url, fhirJson(value.toString()));
      } else {
        serve(url, fhirJson("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}"));
      }
      urls.put(key, url);
    }
    withEhr(request, accessToken);
    return urls;
  }

  /** Sets {@code fhirServer} to this EHR and {@code fhirAuthorization} with the given bearer token. */
  public static ObjectNode withEhr(ObjectNode request, String accessToken) {
    request.put("fhirServer", fhirBase());
    request.putObject("fhirAuthorization")
        .put("access_token", accessToken)
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "patient/*.read")
        .put("subject", "ketamine-cds");
    return request;
  }

  /** The relative URL a prefetch template expands to for this request (the service's own expansion). */
  public static String urlOf(ObjectNode request, String template) {
    var context = request.path("context");
    var tokens = new LinkedHashMap<String, String>();
    tokens.put("context.patientId", context.path("patientId").asText());
    if (context.hasNonNull("userId")) {
      tokens.put("context.userId", context.path("userId").asText());
    }
    return new PrefetchTemplates().expand(template, tokens).orElseThrow();
  }

  private static Map<String, String> query(String query) {
    var params = new LinkedHashMap<String, String>();
    for (var pair : query.split("&")) {
      if (!pair.isEmpty()) {
        var nameValue = pair.split("=", 2);
        params.put(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
      }
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
