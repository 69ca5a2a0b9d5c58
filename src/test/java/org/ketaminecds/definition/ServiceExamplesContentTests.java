package org.ketaminecds.definition;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.ketaminecds.config.JacksonConfig;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The informaticists' runner: every case under {@code cds-hooks/examples/} is posted to the real
 * endpoint of the real application (real CQL, real content). Point it elsewhere with
 * {@code -Dcds.examples.dir=<folder>} (plus {@code -Dcds.content.hooks-location=...} and
 * {@code -Dcds.content.cql-location=...} for other content). Skipped while there is no case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.security.enabled=false")
@EnabledIf("examplesPresent")
class ServiceExamplesContentTests {

  static final String EXAMPLES_DIR_PROPERTY = "cds.examples.dir";

  @LocalServerPort int port;

  static Path examplesDir() {
    return Path.of(System.getProperty(EXAMPLES_DIR_PROPERTY, "cds-hooks/examples"));
  }

  static boolean examplesPresent() {
    return ServiceExampleRunner.hasCases(examplesDir());
  }

  @TestFactory
  Stream<DynamicNode> everyExampleCase() {
    return new ServiceExampleRunner(examplesDir(), URI.create("http://localhost:" + port),
        new JacksonConfig().hookObjectMapper(), Clock.systemDefaultZone()).tests();
  }
}
