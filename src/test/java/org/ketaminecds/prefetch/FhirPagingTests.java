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
