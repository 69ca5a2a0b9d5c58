package org.ketaminecds.config;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.definition.ServiceCatalog;
import org.ketaminecds.definition.TestServices;
import org.ketaminecds.reload.LiveContentConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What the web slice tests need besides their controller: the mappers and the test-content catalog (served as the live content). */
@TestConfiguration(proxyBeanMethods = false)
@Import({JacksonConfig.class, LiveContentConfig.class})
public class TestWebConfig {

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServiceCatalog serviceCatalog() {
    return TestServices.catalog();
  }
}
