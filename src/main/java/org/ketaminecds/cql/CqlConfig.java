package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import org.ketaminecds.relevance.ResourceFilterProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the CQL runtime: content loaded and checked at start-up, one evaluator, the warm-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CqlContentProperties.class, CqlProperties.class, ResourceFilterProperties.class})
class CqlConfig {

  @Bean
  CqlLibraries cqlLibraries(
      FhirContext fhirContext, ResourceLoader resourceLoader, CqlContentProperties content, CqlProperties cql) {
    var packagedElm = PrecompiledElm.at(resourceLoader, PrecompiledElm.PACKAGED);
    return new CqlLibraryLoader(fhirContext, resourceLoader, content, cql, packagedElm).load();
  }

  @Bean
  CqlContent.Loader cqlContentLoader(FhirContext fhirContext, ResourceLoader resourceLoader,
      CqlContentProperties content, CqlProperties cql, ResourceFilterProperties filter) {
    return new CqlContent.Loader(fhirContext, resourceLoader, content, cql, filter.enabled());
  }

  @Bean
  CqlEvaluator cqlEvaluator(CqlLibraries libraries, FhirContext fhirContext, ResourceFilterProperties filter) {
    return new EngineCqlEvaluator(libraries, fhirContext, filter.enabled());
  }

  @Bean
  CqlWarmUp cqlWarmUp(CqlLibraries libraries, CqlEvaluator evaluator) {
    return new CqlWarmUp(libraries, evaluator);
  }
}
