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
    // never GET [base]/metadata before the first call to an EHR (STACK.md P10)
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    context.setParserErrorHandler(issues);
    return context;
  }

  @Bean
  FilterRegistrationBean<FhirParserIssuesFilter> fhirParserIssuesFilter(FhirParserIssues issues) {
    var registration = new FilterRegistrationBean<>(new FhirParserIssuesFilter(issues));
    registration.addUrlPatterns("/cds-services/*", "/preview/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
    return registration;
  }
}
