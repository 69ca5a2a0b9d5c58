package org.ketaminecds.contenttest;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Clock;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.invocation.HookEvaluation;
import org.opentest4j.AssertionFailedError;

/**
 * Example cases as JUnit dynamic tests, one container per service, run by the same {@link ExampleRunner} as the
 * {@code test} command. A folder without cases is a failure, never a silent pass.
 */
public final class ExampleTests {

  private ExampleTests() {}

  public static Stream<DynamicNode> of(Path examples, HookEvaluation evaluation) {
    var files = ExampleFiles.all(examples);
    if (files.isEmpty()) {
      throw new AssertionFailedError("no example case in " + examples.toAbsolutePath()
          + " (cases are <service-id>/<case>.json files)");
    }
    var runner = new ExampleRunner(ExampleRunner.Evaluator.of(evaluation), new JacksonConfig().hookObjectMapper(),
        Clock.systemDefaultZone());
    return files.stream()
        .collect(Collectors.groupingBy(f -> f.getParent().getFileName().toString(), TreeMap::new, Collectors.toList()))
        .entrySet().stream()
        .map(service -> dynamicContainer(service.getKey(), service.getValue().stream()
            .map(file -> dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
              var result = runner.run(file);
              if (!result.passed()) {
                throw new AssertionFailedError(result.report());
              }
            }))));
  }
}
