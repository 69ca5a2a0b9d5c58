package org.ketaminecds.contenttest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ketaminecds.KetamineCdsApplication;
import org.ketaminecds.cql.CqlContentException;
import org.ketaminecds.definition.InvalidServiceDefinitionException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application as the {@code test} command runs it: the same beans, configuration and content loading as the
 * service (so content is validated exactly as at start-up), but no web server, no console, security off (no
 * EHR calls in), an in-memory database and a throw-away data folder (nothing written where the service keeps its
 * data). Command-line properties outrank the environment, so a site's datasource is never touched.
 */
final class ContentTestContext {

  private static final String PACKAGED_EXAMPLES = "classpath*:content/cds-hooks/examples/*/*.json";

  private ContentTestContext() {}

  static ConfigurableApplicationContext start(Path contentRoot, boolean quiet) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("ketamine-cds-test-");
      dataDir.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var properties = new ArrayList<>(List.of(
        "--cds.security.enabled=false",
        "--cds.console.enabled=false",
        "--cds.storage.data-dir=" + dataDir,
        "--cds.audit.purge-cron=-",
        "--spring.datasource.url=jdbc:h2:mem:content-test;DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa",
        "--spring.datasource.password="));
    if (quiet) {
      // the command's own report is the output: the service's start-up and per-call logs are noise here
      properties.addAll(List.of(
          "--logging.level.root=WARN",
          "--logging.level.org.ketaminecds.cards=ERROR",
          "--logging.level.org.ketaminecds.security=ERROR",
          "--logging.level.org.springframework.boot.SpringApplication=OFF",
          "--logging.level.org.springframework.context=ERROR",
          "--logging.level.org.springframework.boot.diagnostics=OFF"));
    }
    if (contentRoot != null) {
      var root = contentRoot.toAbsolutePath().normalize();
      properties.add("--cds.content.cql-location=" + root.resolve("cql").toUri());
      properties.add("--cds.content.hooks-location=" + root.resolve("cds-hooks").toUri());
    }
    var app = new SpringApplication(KetamineCdsApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    return app.run(properties.toArray(String[]::new));
  }

  /** What stopped the content from loading: the content problems (file:line:column) when that is the reason. */
  static String describe(Throwable failure) {
    Throwable innermost = failure;
    for (var cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CqlContentException || cause instanceof InvalidServiceDefinitionException) {
        return cause.getMessage();
      }
      innermost = cause;
    }
    return innermost.getClass().getSimpleName() + ": " + innermost.getMessage();
  }

  /** The examples folder of the content under test; a temporary copy for the content inside the jar. */
  static Examples examples(Path contentRoot) throws IOException {
    if (contentRoot != null) {
      var folder = contentRoot.resolve("cds-hooks").resolve("examples");
      return new Examples(folder, folder.toString(), false);
    }
    var copy = Files.createTempDirectory("ketamine-cds-examples-");
    for (var resource : new PathMatchingResourcePatternResolver(ContentTestContext.class.getClassLoader())
        .getResources(PACKAGED_EXAMPLES)) {
      var url = resource.getURL().toString();
      var parts = url.split("/");
      var target = copy.resolve(parts[parts.length - 2]).resolve(parts[parts.length - 1]);
      Files.createDirectories(target.getParent());
      try (var in = resource.getInputStream()) {
        Files.copy(in, target);
      }
    }
    return new Examples(copy, "the content inside the jar", true);
  }

  /** An examples folder; closing deletes it when it is a temporary copy. */
  record Examples(Path folder, String description, boolean temporary) implements Closeable {

    @Override
    public void close() throws IOException {
      if (temporary) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }
}
