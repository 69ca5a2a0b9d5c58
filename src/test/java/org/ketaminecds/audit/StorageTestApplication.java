package org.ketaminecds.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Just the storage slice of the application: the real DataSource / Flyway / JDBC auto-configuration (bound
 * from application.yml) plus the audit, feedback and report storage beans. No web layer, no content.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  DataSourceAutoConfiguration.class,
  DataSourceTransactionManagerAutoConfiguration.class,
  TransactionAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class,
  JdbcClientAutoConfiguration.class,
  FlywayAutoConfiguration.class
})
@EnableConfigurationProperties({AuditProperties.class, StorageProperties.class})
@Import({StorageTestApplication.StorageBeans.class})
public class StorageTestApplication {

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** The storage beans are package-private in three packages: import them by name. */
  static class StorageBeans implements ImportSelector {
    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
      return new String[] {
        "org.ketaminecds.audit.AuditConfiguration",
        "org.ketaminecds.audit.JdbcAuditSink",
        "org.ketaminecds.audit.MetricsAuditSink",
        "org.ketaminecds.audit.AuditRetention",
        "org.ketaminecds.feedback.JdbcFeedbackSink",
        "org.ketaminecds.report.UsageReportQuery"
      };
    }
  }
}
