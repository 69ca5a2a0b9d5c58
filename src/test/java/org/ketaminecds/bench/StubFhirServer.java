package org.ketaminecds.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.Map;

/**
 * The EHR's FHIR server for the no-prefetch scenario: WireMock on loopback answering every prefetch query of the
 * given patients with what {@link SyntheticPatient#answer} returns, each answer delayed by {@code delayMillis} (a
 * realistic EHR FHIR call). Asynchronous responses, so the delay holds no server thread; no request journal.
 */
final class StubFhirServer implements AutoCloseable {

  private final WireMockServer server;

  StubFhirServer(FhirContext fhirContext, List<SyntheticPatient> patients, Map<String, String> templates,
      int delayMillis) {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().containerThreads(64)
        .asynchronousResponseEnabled(true).asynchronousResponseThreads(16).disableRequestJournal());
    var parser = fhirContext.newJsonParser();
    for (SyntheticPatient patient : patients) {
      templates.values().forEach(template -> {
        var url = template.replace("{{context.patientId}}", patient.id());
        var answer = patient.answer(url);
        if (answer == null) {
          return; // nothing to serve (e.g. the ordering encounter: generated patients have none): WireMock's 404
        }
        var json = parser.encodeResourceToString(answer);
        server.stubFor(request(url).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/fhir+json;charset=UTF-8").withBody(json)
            .withFixedDelay(delayMillis)));
      });
    }
    server.start();
  }

  /** Matches the path and the query parameters that select data ({@code patient}, {@code code}). */
  private static MappingBuilder request(String url) {
    var parts = url.split("\\?", 2);
    var mapping = get(urlPathEqualTo("/fhir/" + parts[0]));
    if (parts.length == 2) {
      for (String parameter : parts[1].split("&")) {
        var pair = parameter.split("=", 2);
        if (pair[0].equals("patient") || pair[0].equals("code")) {
          mapping = mapping.withQueryParam(pair[0], equalTo(pair[1]));
        }
      }
    }
    return mapping;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/fhir";
  }

  @Override
  public void close() {
    server.stop();
  }
}
