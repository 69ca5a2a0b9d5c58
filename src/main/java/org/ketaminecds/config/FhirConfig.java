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
    scanAllResourceTypes(context);
    return context;
  }

  /**
   * HAPI scans a resource type's model on first use, and concurrent first uses race (several threads
   * parsing their first Bundle at once could fail as "not a Bundle": hapifhir/hapi-fhir#794). Scanning
   * every R4 type once, before the first request, leaves nothing lazy on the request path.
   */
  static void scanAllResourceTypes(FhirContext context) {
    for (String type : context.getResourceTypes()) {
      context.getResourceDefinition(type);
    }
  }
}
