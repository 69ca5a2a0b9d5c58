package org.ketaminecds.reload;

import java.time.Instant;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.ketaminecds.definition.ServiceCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The first content set is the one start-up loaded and validated into the {@link ServiceCatalog}, CQL catalog and
 * evaluator beans (invalid content still stops start-up); reloads replace it ({@link ContentReloader}). Kept apart
 * from the reload machinery so web slice tests can import just this.
 */
@Configuration(proxyBeanMethods = false)
public class LiveContentConfig {

  @Bean
  LiveContent liveContent(ServiceCatalog services, ObjectProvider<CqlLibraryCatalog> cql,
      ObjectProvider<CqlEvaluator> evaluator) {
    return new LiveContent(new ContentSet(1, Instant.now(), services, cql.getIfAvailable(),
        evaluator.getIfAvailable()));
  }
}
