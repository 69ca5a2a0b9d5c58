package org.ketaminecds.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires client trust: the JWT filter and the body-size filter on /cds-services and /cds-services/*, the trusted
 * clients, the replay cache and the FHIR server policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

  /** JWT check order; a CORS filter that must decorate 401 responses needs a smaller (earlier) order. */
  static final int JWT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
  static final int BODY_LIMIT_FILTER_ORDER = JWT_FILTER_ORDER + 1;
  static final String[] URL_PATTERNS = {"/cds-services", "/cds-services/*"};

  private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

  @Bean
  TrustedClients trustedClients(SecurityProperties properties) {
    if (!properties.enabled()) {
      log.warn("cds.security.enabled=false: CDS client JWTs are NOT verified and any fhirServer is accepted. "
          + "For local testing only; never run like this with real patient data.");
    } else if (properties.clients().isEmpty()) {
      log.warn("cds.security.clients is empty: no EHR is trusted; only in-process clients (the preview console, "
          + "when enabled) can call /cds-services until an EHR is configured (docs/deploy/security.md).");
    }
    return new TrustedClients(properties.clients(),
        new JwkSources(properties.jwksCacheTtl(), properties.jwksRefreshMinInterval(), properties.jwksTimeout()));
  }

  /**
   * Shared through the configured database when there is one (the application always has one: H2 by default),
   * so replicas refuse each other's used tokens; this instance's memory only in slices without storage.
   */
  @Bean
  ReplayCache replayCache(SecurityProperties properties, ObjectProvider<JdbcClient> jdbc,
      ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
    Clock now = clock.getIfAvailable(Clock::systemUTC);
    InMemoryReplayCache local = new InMemoryReplayCache(properties.replayCacheSize(), now);
    JdbcClient database = jdbc.getIfAvailable();
    return database == null ? local : new JdbcReplayCache(database, local, now, meters.getIfAvailable());
  }

  @Bean
  FilterRegistrationBean<CdsClientJwtFilter> cdsClientJwtFilter(SecurityProperties properties,
      TrustedClients clients, @Lazy ReplayCache replayCache, ObjectProvider<Clock> clock) {
    Clock now = clock.getIfAvailable(Clock::systemUTC);
    ClientJwtVerifier verifier = new ClientJwtVerifier(clients, replayCache,
        algorithms(properties), properties.clockSkew(), properties.maxTokenLifetime(), now);
    var registration = new FilterRegistrationBean<>(
        new CdsClientJwtFilter(properties.enabled(), verifier, properties.publicBaseUrl()));
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(JWT_FILTER_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SecurityProperties properties) {
    var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxBodySize().toBytes()));
    registration.addUrlPatterns(URL_PATTERNS);
    registration.setOrder(BODY_LIMIT_FILTER_ORDER);
    return registration;
  }

  /** With security disabled any server is allowed: local testing only (a warning is logged at start). */
  @Bean
  FhirServerPolicy fhirServerPolicy(SecurityProperties properties, TrustedClients clients) {
    if (!properties.enabled()) {
      return (client, fhirServer) -> { };
    }
    return new AllowListFhirServerPolicy(clients);
  }

  static Set<JWSAlgorithm> algorithms(SecurityProperties properties) {
    Set<JWSAlgorithm> algorithms = new HashSet<>(ClientJwtVerifier.REQUIRED_ALGORITHMS);
    properties.additionalAlgorithms()
        .forEach(name -> algorithms.add(JWSAlgorithm.parse(name.toUpperCase(Locale.ROOT))));
    return algorithms;
  }
}
