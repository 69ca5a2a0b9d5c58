package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ketaminecds.prefetch.FetchingPrefetchResolverTests.ids;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.TOKENS;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.relevance.DataNeeds;

/**
 * A key the rules can do without (the ordering encounter): when it can be neither used nor fetched, the request goes
 * on without its data instead of failing with 412; required keys still fail.
 */
class OptionalPrefetchKeyTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> TEMPLATES = Map.of(
      "patient", "Patient/{{context.patientId}}",
      "encounter", "Encounter/{{context.encounterId}}");

  private static final Map<String, String> WITH_ENCOUNTER = withEncounter();

  private static Map<String, String> withEncounter() {
    var tokens = new HashMap<>(TOKENS);
    tokens.put("context.encounterId", "e1");
    return tokens;
  }

  private static PrefetchRequest request(Map<String, String> given, FhirAccess access, Set<String> optional) {
    var trees = new HashMap<String, JsonNode>();
    given.forEach((key, text) -> trees.put(key, text == null ? null : tree(text)));
    return new PrefetchRequest(TEMPLATES, WITH_ENCOUNTER, trees, access, List.of(), DataNeeds.everything(), optional);
  }

  @Test
  void goesOnWithoutAnOptionalKeyThatIsNotPrefetchedAndHasNoFhirServer() {
    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(request(Map.of("patient", json("Patient-p1.json")), null, Set.of("encounter")));

      assertThat(ids(data.resources())).containsExactly("Patient/p1");
    }
  }

  @Test
  void goesOnWithoutAnOptionalKeyTheFhirServerRefuses() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Encounter/e1")).willReturn(aResponse().withStatus(403)));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(
          request(Map.of("patient", json("Patient-p1.json")), access(ehr.baseUrl() + "/fhir"), Set.of("encounter")));

      assertThat(ids(data.resources())).containsExactly("Patient/p1");
    }
  }

  @Test
  void fetchesAnOptionalKeyWhenTheFhirServerHasIt() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Encounter/e1")).willReturn(okForContentType("application/fhir+json",
        "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"in-progress\","
            + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"EMER\"},"
            + "\"subject\":{\"reference\":\"Patient/p1\"}}")));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PatientData data = resolver.resolve(
          request(Map.of("patient", json("Patient-p1.json")), access(ehr.baseUrl() + "/fhir"), Set.of("encounter")));

      assertThat(ids(data.resources())).containsExactlyInAnyOrder("Patient/p1", "Encounter/e1");
    }
  }

  @Test
  void stillFailsWhenARequiredKeyIsUnavailable() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Encounter/e1")).willReturn(aResponse().withStatus(403)));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      PrefetchUnavailableException e = catchThrowableOfType(PrefetchUnavailableException.class, () -> resolver.resolve(
          request(Map.of("patient", json("Patient-p1.json")), access(ehr.baseUrl() + "/fhir"), Set.of())));

      assertThat(e.keys()).containsExactly("encounter");
    }
  }
}
