package org.ketaminecds.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dedicated mapper for the CDS Hooks envelope. It is not a default autowire candidate, so Boot's
 * {@code @ConditionalOnMissingBean ObjectMapper} still creates Boot's mapper; inject this one with
 * {@link HookJson}. FHIR resources are never bound by it (HAPI's parser does those, docs/develop/stack-pitfalls.md P11): the prefetch
 * stays a JSON tree that HAPI reads as it is, so decimals are kept exactly as sent ({@code 0.10} stays
 * {@code 0.10}), as HAPI's own JSON reading keeps them.
 */
@Configuration(proxyBeanMethods = false)
public class JacksonConfig {

  @Bean(defaultCandidate = false)
  @HookJson
  public ObjectMapper hookObjectMapper() {
    // numbers with an exponent beyond +-1000 are refused before any conversion (BoundedNumbersJsonFactory)
    return JsonMapper.builder(new BoundedNumbersJsonFactory())
        .addModule(new JavaTimeModule())
        // extension members and newer spec fields must not break older clients or us
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        // parse errors must never echo request content (patient data) into messages
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .build();
  }
}
