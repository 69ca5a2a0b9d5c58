package org.ketaminecds.prefetch;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The set-up the resolver's specifications share: a WireMock stand-in for the EHR's FHIR server (started per test
 * class, stubs reset per test), a resolver with the default settings closed after each test, and the server's base.
 */
abstract class StubbedEhrResolverTests {

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final TestResolver resolver = TestResolver.withDefaults();

  @AfterEach
  void closeResolver() {
    resolver.close();
  }

  String fhirBase() {
    return ehr.baseUrl() + "/fhir";
  }
}
