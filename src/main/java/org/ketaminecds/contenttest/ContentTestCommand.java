package org.ketaminecds.contenttest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ketaminecds.config.JacksonConfig;
import org.ketaminecds.contenttest.ExampleRunner.CaseResult;
import org.ketaminecds.invocation.HookEvaluation;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ketamine-cds.jar test [DIR] [--case GLOB]... [--junit FILE]}: loads and validates the content
 * as the service does (no port opened), runs every example case in process, prints a report per failing case
 * and ends with {@code N passed, M failed} (docs/content/testing-content.md).
 */
public final class ContentTestCommand {

  public static final String NAME = "test";
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int CONTENT_INVALID = 2;
  static final int USAGE = 3;

  private final PrintStream out;
  private final PrintStream err;
  private final boolean quiet;

  /**
   * @param quiet whether to turn the service's own logging down to warnings for the run (the command line does; a
   *     caller in a JVM that goes on logging, like a test, does not)
   */
  ContentTestCommand(PrintStream out, PrintStream err, boolean quiet) {
    this.out = out;
    this.err = err;
    this.quiet = quiet;
  }

  /** Whether the process arguments ask for this command rather than the server. */
  public static boolean requested(String[] args) {
    return args.length > 0 && NAME.equals(args[0]);
  }

  /** Runs the command with the arguments after {@code test} and exits with its status. */
  public static void main(String[] args) {
    var status = new ContentTestCommand(System.out, System.err, true).run(Arrays.asList(args));
    System.out.flush();
    System.exit(status);
  }

  /** The exit status: {@link #PASSED}, {@link #FAILED}, {@link #CONTENT_INVALID} or {@link #USAGE}. */
  int run(List<String> args) {
    ContentTestOptions options;
    try {
      options = ContentTestOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("test: " + e.getMessage());
      err.println(ContentTestOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.println(ContentTestOptions.USAGE);
      return PASSED;
    }
    if (options.contentRoot() != null && !Files.isDirectory(options.contentRoot().resolve("cds-hooks"))) {
      err.println("test: " + options.contentRoot() + " is not a content root (no cds-hooks/ folder in it)");
      return USAGE;
    }
    try (var examples = ContentTestContext.examples(options.contentRoot())) {
      var files = ExampleFiles.matching(examples.folder(), options.cases());
      if (files.isEmpty()) {
        err.println("test: no example case " + (options.cases().isEmpty() ? "" : "matches "
            + String.join(", ", options.cases()) + " ") + "in " + examples.description()
            + " (cases are <service-id>/<case>.json files)");
        return USAGE;
      }
      return run(options, files);
    } catch (IOException e) {
      err.println("test: " + e.getMessage());
      return USAGE;
    }
  }

  private int run(ContentTestOptions options, List<Path> files) throws IOException {
    var started = System.nanoTime();
    ConfigurableApplicationContext context;
    try {
      context = ContentTestContext.start(options.contentRoot(), quiet);
    } catch (RuntimeException e) {
      err.println("The content is invalid; the service would not start with it:");
      err.println(ContentTestContext.describe(e));
      return CONTENT_INVALID;
    }
    try (context) {
      var startup = System.nanoTime() - started;
      var runner = new ExampleRunner(ExampleRunner.Evaluator.of(context.getBean(HookEvaluation.class)),
          new JacksonConfig().hookObjectMapper(), Clock.systemDefaultZone());
      var results = new ArrayList<CaseResult>();
      for (var file : files) {
        var result = runner.run(file);
        results.add(result);
        if (result.passed()) {
          out.println("ok    " + result.id());
        } else {
          out.println("FAIL  " + result.report().replace("\n", "\n      "));
        }
      }
      if (options.junit() != null) {
        JUnitXml.write(options.junit(), results);
      }
      var failed = results.stream().filter(r -> !r.passed()).count();
      out.printf(Locale.ROOT, "content loaded in %.1f s, %d case(s) run in %.1f s%n", startup / 1e9, results.size(),
          (System.nanoTime() - started - startup) / 1e9);
      out.println((results.size() - failed) + " passed, " + failed + " failed");
      return failed == 0 ? PASSED : FAILED;
    }
  }
}
