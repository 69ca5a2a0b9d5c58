package org.ketaminecds.contenttest;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The informaticists' runner: every case under {@code cds-hooks/examples/} goes through the evaluation steps of
 * the endpoint of the real application (real CQL, real content), in process so that each card's rule is known;
 * the same runner as {@code java -jar ketamine-cds.jar test}. Point it elsewhere with
 * {@code -Dcds.examples.dir=<folder>} (plus {@code -Dcds.content.hooks-location=...} and
 * {@code -Dcds.content.cql-location=...} for other content). Fails when the folder is missing or holds no case.
 * In process, nothing is left out as a repeated reminder, whatever ran before (reminders/RepeatReminders is on the
 * endpoint path only); the setting below also keeps the classes that post cases over HTTP on one shared context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cds.security.enabled=false",
    "cds.cards.reminders.suppress-repeats=false"})
class ServiceExamplesContentTests {

  static final String EXAMPLES_DIR_PROPERTY = "cds.examples.dir";

  @Autowired HookEvaluation evaluation;

  static Path examplesDir() {
    return Path.of(System.getProperty(EXAMPLES_DIR_PROPERTY, "cds-hooks/examples"));
  }

  @TestFactory
  Stream<DynamicNode> everyExampleCase() {
    return ExampleTests.of(examplesDir(), evaluation);
  }
}
