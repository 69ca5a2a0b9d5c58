package org.ketaminecds.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FhirContext of the process (R4); every feature injects it. */
@Configuration(proxyBeanMethods = false)
public class FhirConfig {

  @Bean
  FhirContext fhirContext() {
    FhirContext context = FhirContext.forR4Cached();
    // never GET [base]/metadata before the first call to an EHR (docs/develop/stack-pitfalls.md P10)
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    return context;
  }
}
