package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The prefetch feature wires itself from {@code cds.fhir.*} and the one FhirContext bean. */
class FhirClientPropertiesTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FhirClientProperties.class)
  @ComponentScan(basePackageClasses = PrefetchResolver.class)
  static class PrefetchFeature {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withBean(FhirContext.class, FhirContext::forR4Cached)
      .withUserConfiguration(PrefetchFeature.class);

  @Test
  void bindsTheDocumentedDefaults() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(PrefetchResolver.class).hasSingleBean(PrefetchTemplates.class);
      assertThat(context.getBean(FhirClientProperties.class)).isEqualTo(FhirClientProperties.defaults());
    });
  }

  @Test
  void bindsOverridesAsDurations() {
    runner.withPropertyValues("cds.fhir.connect-timeout=500ms", "cds.fhir.read-timeout=1s", "cds.fhir.deadline=1500ms",
            "cds.fhir.max-pages=3", "cds.fhir.max-parallel-fetches=2", "cds.fhir.page-size=50")
        .run(context -> assertThat(context.getBean(FhirClientProperties.class)).isEqualTo(new FhirClientProperties(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500), 3, 2, 50)));
  }

  @Test
  void applicationYmlStatesTheDefaultsAndKeepsHttpClientWireLogsOff() throws Exception {
    List<PropertySource<?>> yml =
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
    Binder binder = new Binder(ConfigurationPropertySources.from(yml));

    assertThat(binder.bind("cds.fhir", FhirClientProperties.class).get()).isEqualTo(FhirClientProperties.defaults());
    assertThat(binder.bind("logging.level.org.apache.http", String.class).get()).isEqualToIgnoringCase("info");
  }

  @Test
  void refusesToStartWithAZeroDeadlineOrNoPages() {
    runner.withPropertyValues("cds.fhir.deadline=0s").run(context -> assertThat(context).hasFailed());
    runner.withPropertyValues("cds.fhir.max-pages=0").run(context -> assertThat(context).hasFailed());
  }

  @Test
  void configuresTheClientFactoryNeverToCallMetadata() {
    FhirContext.forR4Cached().getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.ONCE);

    runner.run(context -> {
      context.getBean(PrefetchResolver.class);
      assertThat(context.getBean(FhirContext.class).getRestfulClientFactory().getServerValidationMode())
          .isEqualTo(ServerValidationModeEnum.NEVER);
    });
  }
}
