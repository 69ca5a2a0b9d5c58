package org.ketaminecds.config;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for the CDS Hooks endpoints, as the first servlet filter: a preflight (OPTIONS, no Authorization
 * header) is answered here and never reaches the client-JWT filter. With no allowed origin configured
 * no CORS header is ever sent, so browsers refuse cross-origin calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
class CorsConfig {

  @Bean
  FilterRegistrationBean<CorsFilter> cdsCorsFilter(CorsProperties properties) {
    var cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
    cors.setAllowCredentials(false);
    cors.setMaxAge(properties.maxAge());
    var source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/cds-services", cors);
    source.registerCorsConfiguration("/cds-services/**", cors);
    var registration = new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    return registration;
  }
}
