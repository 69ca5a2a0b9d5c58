package org.ketaminecds.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 13, items 9 and 10: the embedded default listens on loopback only (its console issues trusted tokens);
 * production binds to all interfaces, and its actuator endpoints other than the probes are on a separate
 * management port bound to loopback, not anonymous on the service port.
 */
class DeploymentDefaultsTests {

  @Test
  void theEmbeddedDefaultBindsToLoopbackOnly() throws IOException {
    assertThat(yaml("application.yml").getProperty("server.address")).isEqualTo("127.0.0.1");
  }

  @Test
  void productionBindsAsConfiguredAndKeepsActuatorOffTheServicePort() throws IOException {
    Properties prod = yaml("application-prod.yml");

    assertThat(prod.getProperty("server.address")).isEqualTo("0.0.0.0");
    assertThat(prod.getProperty("management.server.port")).isEqualTo("${CDS_MANAGEMENT_PORT:8081}");
    assertThat(prod.getProperty("management.server.address")).isEqualTo("${CDS_MANAGEMENT_ADDRESS:127.0.0.1}");
    assertThat(prod.getProperty("management.endpoint.health.probes.add-additional-paths")).isEqualTo("true");
  }

  private static Properties yaml(String name) throws IOException {
    var factory = new YamlPropertiesFactoryBean();
    factory.setResources(new ClassPathResource(name));
    return factory.getObject();
  }
}
