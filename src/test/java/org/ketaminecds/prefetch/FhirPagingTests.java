package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.prefetch.FetchingPrefetchResolverTests.ids;
import static org.ketaminecds.prefetch.FhirFixtures.json;
import static org.ketaminecds.prefetch.TestResolver.access;
import static org.ketaminecds.prefetch.TestResolver.request;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ketaminecds.prefetch.PatientData.KeySource;

/** Searchset paging: next links are followed from the FHIR server, up to cds.fhir.max-pages. */
class FhirPagingTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, String> TEMPLATES =
      Map.of("medications", "MedicationRequest?patient={{context.patientId}}&_count=1");

  private String fhirBase() {
    return ehr.baseUrl() + "/fhir";
  }

  @BeforeEach
  void stubThreePages() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/MedicationRequest")).willReturn(
        okForContentType("application/fhir+json", json("Bundle-medicationrequests-page1.json", fhirBase()))));
    for (int offset = 1; offset <= 2; offset++) {
      ehr.stubFor(get(urlPathEqualTo("/fhir")).withQueryParam("_getpagesoffset", equalTo(String.valueOf(offset)))
          .willReturn(okForContentType("application/fhir+json",
              json("Bundle-medicationrequests-page" + (offset + 1) + ".json", fhirBase()))));
    }
  }

  @Test
  void followsNextLinksToTheLastPage() {
    PatientData data;
    try (TestResolver resolver = TestResolver.withDefaults()) {
      data = resolver.resolve(request(TEMPLATES, Map.of(), access(fhirBase())));
    }

    assertThat(ids(data.resources())).containsExactlyInAnyOrder(
        "MedicationRequest/mr-sert1", "MedicationRequest/mr-esc1", "MedicationRequest/mr-flu1");
    assertThat(data.fetchCalls()).isEqualTo(3);
    ehr.verify(0, getRequestedFor(urlPathMatching(".*/metadata")));
  }

  @Test
  void stopsFollowingNextLinksAtMaxPages() {
    PatientData data;
    try (TestResolver resolver = TestResolver.with(Duration.ofSeconds(15), Duration.ofSeconds(30), 2)) {
      data = resolver.resolve(request(TEMPLATES, Map.of(), access(fhirBase())));
    }

    assertThat(ids(data.resources()))
        .containsExactlyInAnyOrder("MedicationRequest/mr-sert1", "MedicationRequest/mr-esc1");
    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir")).withQueryParam("_getpagesoffset", equalTo("2")));
    ehr.verify(2, anyRequestedFor(urlPathMatching("/fhir.*")));
  }

  @Test
  void marksAKeyTruncatedWhenTwelvePagesExistAndTenMayBeRead() {
    stubPages("/fhir/Condition", "big", 12);
    PatientData data;
    try (TestResolver resolver = TestResolver.with(Duration.ofSeconds(15), Duration.ofSeconds(30), 10)) {
      data = resolver.resolve(request(Map.of("conditions", "Condition?patient={{context.patientId}}"), Map.of(),
          access(fhirBase())));
    }

    assertThat(data.truncatedKeys()).containsExactly("conditions");
    assertThat(ids(data.resources())).hasSize(10).contains("Condition/c1", "Condition/c10")
        .doesNotContain("Condition/c11", "Condition/c12");
    assertThat(data.fetchCalls()).isEqualTo(10);
  }

  @Test
  void aKeyReadToItsLastPageIsNotTruncated() {
    stubPages("/fhir/Condition", "big", 12);
    PatientData data;
    try (TestResolver resolver = TestResolver.with(Duration.ofSeconds(15), Duration.ofSeconds(30), 12)) {
      data = resolver.resolve(request(Map.of("conditions", "Condition?patient={{context.patientId}}"), Map.of(),
          access(fhirBase())));
    }

    assertThat(data.truncatedKeys()).isEmpty();
    assertThat(ids(data.resources())).hasSize(12);
  }

  @Test
  void aPagedPrefetchBundleContinuedPastTheLimitIsTruncatedToo() {
    stubPages("/fhir/Condition", "given", 12);
    String firstPage = page("given", 1, 12);
    PatientData data;
    try (TestResolver resolver = TestResolver.with(Duration.ofSeconds(15), Duration.ofSeconds(30), 10)) {
      data = resolver.resolve(request(Map.of("conditions", "Condition?patient={{context.patientId}}"),
          Map.of("conditions", firstPage), access(fhirBase())));
    }

    assertThat(data.truncatedKeys()).containsExactly("conditions");
    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
  }

  @Test
  void asksForLargePagesWhenTheTemplateSetsNoCount() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Condition")).willReturn(
        okForContentType("application/fhir+json", "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
    try (TestResolver resolver = TestResolver.withDefaults()) {
      resolver.resolve(request(Map.of("conditions", "Condition?patient={{context.patientId}}",
          "medications", "MedicationRequest?patient={{context.patientId}}&_count=1"), Map.of(), access(fhirBase())));
    }

    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")).withQueryParam("_count", equalTo("200")));
    ehr.verify(1, getRequestedFor(urlPathEqualTo("/fhir/MedicationRequest")).withQueryParam("_count", equalTo("1")));
  }

  /** {@code pages} searchset pages of one Condition each; page 1 at {@code path}, later ones at next links. */
  private void stubPages(String path, String search, int pages) {
    ehr.stubFor(get(urlPathEqualTo(path)).willReturn(
        okForContentType("application/fhir+json", page(search, 1, pages))));
    for (int n = 2; n <= pages; n++) {
      ehr.stubFor(get(urlPathEqualTo("/fhir")).withQueryParam("_getpages", equalTo(search))
          .withQueryParam("_getpagesoffset", equalTo(String.valueOf(n - 1)))
          .willReturn(okForContentType("application/fhir+json", page(search, n, pages))));
    }
  }

  private String page(String search, int n, int pages) {
    String next = n < pages
        ? ",\"link\":[{\"relation\":\"next\",\"url\":\"" + fhirBase() + "?_getpages=" + search
            + "&_getpagesoffset=" + n + "\"}]"
        : "";
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"" + next + ",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"Condition\",\"id\":\"c" + n + "\",\"subject\":{\"reference\":\"Patient/p1\"},"
        + "\"code\":{\"text\":\"problem " + n + "\"}}}]}";
  }

  @Test
  void continuesAPagedPrefetchBundleFromTheFhirServer() {
    Map<String, String> given = Map.of("medications", json("Bundle-medicationrequests-page1.json", fhirBase()));
    PatientData data;
    try (TestResolver resolver = TestResolver.withDefaults()) {
      data = resolver.resolve(request(TEMPLATES, given, access(fhirBase())));
    }

    ehr.verify(0, getRequestedFor(urlPathEqualTo("/fhir/MedicationRequest")));
    ehr.verify(2, getRequestedFor(urlPathEqualTo("/fhir"))
        .withHeader("Authorization", equalTo("Bearer " + TestResolver.TOKEN)));
    assertThat(data.keySources()).containsEntry("medications", KeySource.PREFETCHED);
    assertThat(data.fetchCalls()).isEqualTo(2);
    assertThat(ids(data.resources())).hasSize(3);
  }
}
