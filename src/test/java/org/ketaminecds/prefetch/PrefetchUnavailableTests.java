package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys that can be neither used nor fetched: {@link PrefetchUnavailableException}, i.e. HTTP 412. */
class PrefetchUnavailableTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> TEMPLATES =
      Map.of(
          "patient", "Patient/{{context.patientId}}",
          "conditions", "Condition?patient={{context.patientId}}");

  private static final Map<String, String> PATIENT_ONLY = Map.of("patient", json("Patient-p1.json"));

  private String fhirBase() {
    return ehr.baseUrl() + "/fhir";
  }

  private static void stubConditions(int status) {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/fhir+json").withBody(json("OperationOutcome-error.json"))));
  }

  private PrefetchUnavailableException unavailable(TestResolver resolver, Map<String, String> given) {
    try (resolver) {
      return catchThrowableOfType(PrefetchUnavailableException.class,
          () -> resolver.resolve(request(TEMPLATES, given, access(fhirBase()))));
    }
  }

  @Test
  void returns412WhenTheFhirServerAnswers503() {
    stubConditions(503);

    PrefetchUnavailableException e = unavailable(TestResolver.withDefaults(), PATIENT_ONLY);

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("conditions").contains("503").doesNotContain("p1");
  }

  @Test
  void returns412WhenTheFhirServerAnswers401() {
    stubConditions(401);

    PrefetchUnavailableException e = unavailable(TestResolver.withDefaults(), PATIENT_ONLY);

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("401").doesNotContain(TestResolver.TOKEN);
  }

  @Test
  void returns412WhenASearchAnswers404() {
    stubConditions(404);

    PrefetchUnavailableException e = unavailable(TestResolver.withDefaults(), PATIENT_ONLY);

    assertThat(e.keys()).containsExactly("conditions");
  }

  @Test
  void namesEveryKeyThatFailed() {
    stubConditions(500);
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(aResponse().withStatus(403)));

    PrefetchUnavailableException e = unavailable(TestResolver.withDefaults(), Map.of());

    assertThat(e.keys()).containsExactlyInAnyOrder("patient", "conditions");
    assertThat(e.getMessage()).contains("403").contains("500");
  }

  @Test
  void returns412WhenTheFhirServerIsSlowerThanTheReadTimeout() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-conditions-p1.json")).withFixedDelay(1500)));

    PrefetchUnavailableException e = unavailable(
        TestResolver.with(Duration.ofMillis(200), Duration.ofSeconds(30), 10), PATIENT_ONLY);

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("timed out");
  }

  @Test
  void returns412WhenTheOverallDeadlinePasses() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-conditions-p1.json")).withFixedDelay(1500)));

    PrefetchUnavailableException e = unavailable(
        TestResolver.with(Duration.ofSeconds(30), Duration.ofMillis(300), 10), PATIENT_ONLY);

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("deadline");
  }

  @Test
  void freesTheFetchWorkerWhenTheDeadlinePassesThoughTheEhrIsStillSending() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(okForContentType("application/fhir+json",
        json("Bundle-conditions-p1.json")).withChunkedDribbleDelay(100, 20_000)));
    ehr.stubFor(get(urlPathEqualTo("/fhir/Patient/p1")).willReturn(
        okForContentType("application/fhir+json", json("Patient-p1.json"))));
    // one fetch worker: the second request can fetch only once the first request has let go of it
    var properties = new FhirClientProperties(Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(2), 10, 1, 200);

    try (TestResolver resolver = new TestResolver(properties)) {
      PrefetchUnavailableException slow = catchThrowableOfType(PrefetchUnavailableException.class,
          () -> resolver.resolve(request(TEMPLATES, PATIENT_ONLY, access(fhirBase()))));
      PatientData next = resolver.resolve(
          request(Map.of("patient", "Patient/{{context.patientId}}"), Map.of(), access(fhirBase())));

      assertThat(slow.keys()).containsExactly("conditions");
      assertThat(FetchingPrefetchResolverTests.ids(next.resources())).containsExactly("Patient/p1");
    }
  }

  @Test
  void returns412WithoutAnyRequestWhenThereIsNoFhirServer() {
    PrefetchUnavailableException e;
    try (TestResolver resolver = TestResolver.withDefaults()) {
      e = catchThrowableOfType(PrefetchUnavailableException.class,
          () -> resolver.resolve(request(TEMPLATES, PATIENT_ONLY, null)));
    }

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("no fhirServer");
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void returns412WhenAPagedPrefetchCannotBeContinuedForLackOfAFhirServer() {
    Map<String, String> given = Map.of("patient", json("Patient-p1.json"),
        "conditions", json("Bundle-medicationrequests-page1.json", "https://ehr.example.org/fhir"));
    PrefetchUnavailableException e;
    try (TestResolver resolver = TestResolver.withDefaults()) {
      e = catchThrowableOfType(PrefetchUnavailableException.class,
          () -> resolver.resolve(request(TEMPLATES, given, null)));
    }

    assertThat(e.keys()).containsExactly("conditions");
  }

  @Test
  void refusesATemplateThatIsAnAbsoluteUrl() {
    PrefetchUnavailableException e;
    try (TestResolver resolver = TestResolver.withDefaults()) {
      e = catchThrowableOfType(PrefetchUnavailableException.class, () -> resolver.resolve(request(
          Map.of("elsewhere", "http://127.0.0.1:9/fhir/Patient/{{context.patientId}}"), Map.of(), access(fhirBase()))));
    }

    assertThat(e.keys()).containsExactly("elsewhere");
    assertThat(e.getMessage()).contains("not a relative FHIR URL");
  }

  @Test
  void refusesANextLinkToAnotherServerSoTheTokenGoesNowhereElse() {
    Map<String, String> given = Map.of("patient", json("Patient-p1.json"),
        "conditions", json("Bundle-medicationrequests-page1.json", "http://127.0.0.1:9/elsewhere"));

    PrefetchUnavailableException e = unavailable(TestResolver.withDefaults(), given);

    assertThat(e.keys()).containsExactly("conditions");
    assertThat(e.getMessage()).contains("outside fhirServer");
    ehr.verify(0, anyRequestedFor(anyUrl()));
  }
}
