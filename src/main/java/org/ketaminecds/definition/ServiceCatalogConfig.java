package org.ketaminecds.definition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the catalog while the context starts: invalid content stops start-up, and readiness cannot
 * report UP before the services are loaded.
 */
@Configuration(proxyBeanMethods = false)
class ServiceCatalogConfig {

  @Bean
  ServiceCatalog serviceCatalog(ServiceDefinitionLoader loader) {
    return loader.load();
  }
}
