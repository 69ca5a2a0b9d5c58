package org.ketaminecds.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The one FhirContext of the process (R4); every feature injects it. Its parsers count their problems instead of
 * logging each one ({@link FhirParserIssues}); one summary line per request ({@link FhirParserIssuesFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class FhirConfig {

  @Bean
  FhirParserIssues fhirParserIssues() {
    return new FhirParserIssues();
  }

  @Bean
  FhirContext fhirContext(FhirParserIssues issues) {
    FhirContext context = FhirContext.forR4Cached();
    // never GET [base]/metadata before the first call to an EHR (docs/develop/stack-pitfalls.md P10)
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    context.setParserErrorHandler(issues);
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

  @Bean
  FilterRegistrationBean<FhirParserIssuesFilter> fhirParserIssuesFilter(FhirParserIssues issues) {
    var registration = new FilterRegistrationBean<>(new FhirParserIssuesFilter(issues));
    registration.addUrlPatterns("/cds-services/*", "/preview/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
