package org.ketaminecds.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the storage integration tests: one storage-only application context per test class on its own
 * database ({@link TestDatabase#H2} or {@link TestDatabase#POSTGRES}), emptied before each test, restartable.
 * Concrete classes run the same tests once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StorageIntegrationSupport {

  private static final Path DATA_ROOT = Path.of("target", "storage-tests").toAbsolutePath();

  private final TestDatabase database;
  private final String name = "storage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private ConfigurableApplicationContext context;

  protected StorageIntegrationSupport(TestDatabase database) {
    this.database = database;
  }

  @BeforeAll
  void startContext() {
    context = start();
  }

  @AfterAll
  void closeContext() {
    context.close();
  }

  @BeforeEach
  void emptyTables() {
    JdbcClient jdbc = jdbc();
    jdbc.sql("DELETE FROM feedback").update();
    jdbc.sql("DELETE FROM issued_card").update();
    jdbc.sql("DELETE FROM invocation_audit").update();
  }

  protected TestDatabase database() {
    return database;
  }

  protected ConfigurableApplicationContext context() {
    return context;
  }

  /** A second, independent context on the same database (e.g. to break its connection pool). */
  protected ConfigurableApplicationContext start(String... extraProperties) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, String> property : database.properties(name, DATA_ROOT).entrySet()) {
      args.add("--" + property.getKey() + "=" + property.getValue());
    }
    for (String property : extraProperties) {
      args.add("--" + property);
    }
    return new SpringApplicationBuilder(StorageTestApplication.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .run(args.toArray(String[]::new));
  }

  /** Closes the context (and its connection pool / the H2 database) and starts a new one on the same data. */
  protected void restart() {
    context.close();
    context = start();
  }

  protected JdbcClient jdbc() {
    return context.getBean(JdbcClient.class);
  }

  /** Like the invocation layer: hands the record to every AuditSink bean. */
  protected void record(InvocationAudit audit) {
    context.getBeansOfType(AuditSink.class).values().forEach(sink -> sink.record(audit));
  }

  protected long count(String table) {
    return jdbc().sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
