package org.ketaminecds.contenttest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.definition.ContentExamples;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Many EHRs send no prefetch (or only part of it) and let the service read the chart from their FHIR server. Every
 * example case, with its prefetch taken away and served instead by a stand-in FHIR server (WireMock) at the URL of
 * each prefetch template, gives the cards it gives with the prefetch: the fetch path (HTTP client, HAPI parse of the
 * server's Bundles, code canonicalisation, Medication references) loses and adds nothing. A key sent as {@code null}
 * ("no data") is served as an empty searchset Bundle, or 404 for a read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class FetchedFromEhrServerContentTests {

  private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}");
  private static final java.util.Map<String, java.util.Map<String, String>> TEMPLATES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final Set<String> UNMATCHED_PARAMETERS = Set.of("_count", "_sort", "_include");

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Autowired HookEvaluation evaluation;

  private int served;

  @Test
  void everyExampleCaseReadFromTheEhrServerGivesTheCardsOfItsPrefetch() {
    var outcome = new ExampleVariants<List<String>>(this::cards).compare(this::servedByTheEhr,
        (written, fetched) -> written.equals(fetched) ? null : fetched + " instead of " + written);

    assertThat(outcome.changed()).as("example cases with a prefetch").isGreaterThan(300);
    assertThat(served).as("FHIR requests the stand-in server answered").isGreaterThan(outcome.changed() * 5);
    assertThat(outcome.differences()).as("cards that changed when the chart was read from the FHIR server, in "
        + outcome.differences().size() + " of " + outcome.changed() + " cases").isEmpty();
  }

  /** Moves the prefetch to the stand-in server, one stub per template, and points the request to it. */
  private void servedByTheEhr(String service, ObjectNode request) {
    if (!(request.get("prefetch") instanceof ObjectNode prefetch)) {
      return;
    }
    served += ehr.getAllServeEvents().size(); // what the previous case read
    ehr.resetAll();
    var context = request.path("context");
    TEMPLATES.computeIfAbsent(service, ContentExamples::prefetchTemplates).forEach((key, template) -> {
      var url = template.replace("{{context.patientId}}", context.path("patientId").asText())
          .replace("{{context.encounterId}}", context.path("encounterId").asText());
      if (url.contains("{{") || url.contains("/?") || url.endsWith("/")) {
        return; // a token this request has no value for: the service skips the key
      }
      stub(url, prefetch.get(key));
    });
    request.remove("prefetch");
    request.put("fhirServer", ehr.baseUrl() + "/fhir");
    request.putObject("fhirAuthorization").put("access_token", "example-token").put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "patient/*.read").put("subject", "ketamine-cds");
  }

  private static void stub(String url, JsonNode value) {
    var parts = url.split("\\?", 2);
    var search = parts.length == 2;
    var mapping = get(urlPathEqualTo("/fhir/" + parts[0]));
    if (search) {
      for (String parameter : parts[1].split("&")) {
        var nameAndValue = parameter.split("=", 2);
        if (!UNMATCHED_PARAMETERS.contains(nameAndValue[0])) {
          mapping = mapping.withQueryParam(nameAndValue[0], equalTo(nameAndValue[1]));
        }
      }
    }
    var response = aResponse().withHeader("Content-Type", "application/fhir+json");
    if (value == null || value.isNull()) {
      response = search ? response.withStatus(200).withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
          + "\"total\":0}") : response.withStatus(404);
    } else {
      response = response.withStatus(200).withBody(value.toString());
    }
    ehr.stubFor(mapping.willReturn(response));
  }

  /** Rule and summary of each card, or the failure of the call; a time of day after a date is left out. */
  private List<String> cards(String service, ObjectNode request) {
    try {
      return evaluation.evaluate(service, request, Set.of()).cards().stream()
          .map(card -> card.ruleId() + ": " + TIME_OF_DAY.matcher(card.summary()).replaceAll("$1")).sorted().toList();
    } catch (RuntimeException e) {
      return List.of("call failed: " + e.getMessage());
    }
  }
}
