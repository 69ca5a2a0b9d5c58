package org.ketaminecds.console;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.ketaminecds.prefetch.PrefetchTemplates;
import org.ketaminecds.security.SecurityProperties;
import org.ketaminecds.security.TrustedClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The preview console, only while {@code cds.console.enabled=true}: its signing key (trusted as a CDS client), the
 * demo data, the request builder and the page's security headers. The page itself: {@link ConsolePageConfig}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cds.console", name = "enabled", havingValue = "true")
class ConsoleConfig {

  @Bean
  ConsoleSigningKey consoleSigningKey(ConsoleProperties properties, TrustedClients clients) {
    return ConsoleSigningKey.generateAndRegister(properties.issuer(), clients);
  }

  @Bean
  ConsoleTokens consoleTokens(ConsoleSigningKey key, ConsoleProperties properties, SecurityProperties security,
      ObjectProvider<Clock> clock) {
    return new ConsoleTokens(key, security.publicBaseUrl(), properties.tokenLifetime(),
        clock.getIfAvailable(Clock::systemDefaultZone));
  }

  @Bean
  DemoData demoData(ResourcePatternResolver resources, FhirContext fhirContext, ObjectMapper mapper,
      ConsoleProperties properties) {
    DemoDataLoader loader = new DemoDataLoader(resources, fhirContext, mapper, properties.demoLocation());
    return new DemoData(loader.patients(), loader.products(), fhirContext);
  }

  @Bean
  PreviewRequests previewRequests(PrefetchTemplates templates, FhirContext fhirContext, ObjectMapper mapper,
      ConsoleProperties properties) {
    return new PreviewRequests(new DemoPrefetch(templates, fhirContext, mapper), fhirContext, mapper,
        properties.userId());
  }

  @Bean
  FilterRegistrationBean<ConsoleHeadersFilter> consoleHeadersFilter() {
    var registration = new FilterRegistrationBean<>(new ConsoleHeadersFilter());
    registration.addUrlPatterns("/preview/*");
    return registration;
  }
}
