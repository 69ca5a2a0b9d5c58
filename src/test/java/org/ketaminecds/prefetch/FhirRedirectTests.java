package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13, item 1: the EHR's bearer token never leaves its {@code fhirServer}. A redirect is not followed (the key
 * fails: 412), and no call, not even a {@code next} link, goes outside the base with or without the token.
 */
class FhirRedirectTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> CONDITIONS = Map.of("conditions", "Condition?patient={{context.patientId}}");
  private static final Map<String, String> MEDICATIONS =
      Map.of("medications", "MedicationRequest?patient={{context.patientId}}&_count=1");

  private String fhirBase() {
    return ehr.baseUrl() + "/fhir";
  }

  private PrefetchUnavailableException unavailable(Map<String, String> templates) {
    try (TestResolver resolver = TestResolver.withDefaults()) {
      return catchThrowableOfType(PrefetchUnavailableException.class,
          () -> resolver.resolve(request(templates, Map.of(), access(fhirBase()))));
    }
  }

  private void stubElsewhere() {
    elsewhere.stubFor(get(anyUrl()).willReturn(
        okForContentType("application/fhir+json", json("Bundle-conditions-p1.json"))));
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherHostIsNotFollowedAndTheKeyFails(int status) {
    stubElsewhere();
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(status)
        .withHeader("Location", elsewhere.baseUrl() + "/fhir/Condition?patient=p1")));

    PrefetchUnavailableException e = unavailable(CONDITIONS);

    assertThat(e).isNotNull();
    assertThat(e.keys()).containsExactly("conditions");
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aRedirectWithinTheSameServerIsNotFollowedEither() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", fhirBase() + "/Condition/_search?patient=p1")));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition/_search")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-conditions-p1.json"))));

    PrefetchUnavailableException e = unavailable(CONDITIONS);

    assertThat(e.keys()).containsExactly("conditions");
    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Condition/_search")));
  }

  @Test
  void aRelativeNextLinkThatClimbsOutOfTheBaseIsRefusedBeforeItIsSent() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/MedicationRequest")).willReturn(okForContentType("application/fhir+json",
        json("Bundle-medicationrequests-page1.json", fhirBase())
            .replace(fhirBase() + "?", "../other-fhir?"))));
    ehr.stubFor(get(urlPathMatching("/other-fhir.*")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-medicationrequests-page2.json", fhirBase()))));

    PrefetchUnavailableException e = unavailable(MEDICATIONS);

    assertThat(e.keys()).containsExactly("medications");
    ehr.verify(0, getRequestedFor(urlPathMatching("/other-fhir.*")));
  }

  @Test
  void aNextLinkToAnotherHostIsRefusedAndGetsNoToken() {
    stubElsewhere();
    ehr.stubFor(get(urlPathEqualTo("/fhir/MedicationRequest")).willReturn(okForContentType("application/fhir+json",
        json("Bundle-medicationrequests-page1.json", elsewhere.baseUrl() + "/fhir"))));

    PrefetchUnavailableException e = unavailable(MEDICATIONS);

    assertThat(e.keys()).containsExactly("medications");
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void callsInsideTheBaseStillCarryTheToken() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-conditions-p1.json"))));

    try (TestResolver resolver = TestResolver.withDefaults()) {
      resolver.resolve(request(CONDITIONS, Map.of(), access(fhirBase())));
    }

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition"))
        .withHeader("Authorization", equalTo("Bearer " + TestResolver.TOKEN)));
  }
}
