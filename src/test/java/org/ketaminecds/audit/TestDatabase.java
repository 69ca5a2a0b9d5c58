package org.ketaminecds.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two databases the storage tests run on: the embedded default (H2 files in a data directory, exactly as
 * application.yml configures it) and a real PostgreSQL server, started once per JVM from the binaries that
 * io.zonky.test ships as Maven artifacts (as root it runs them under {@code unshare -U}).
 */
public enum TestDatabase {
  H2,
  POSTGRES;

  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
  private static EmbeddedPostgres postgres;

  /**
   * Spring properties for the database {@code name} with its data directory {@code dataDir}; the same name and
   * directory give the same database again (a restart), a new name an empty one.
   */
  public Map<String, String> properties(String name, Path dataDir) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("cds.storage.data-dir", dataDir.resolve(name).toString());
    if (this == POSTGRES) {
      EmbeddedPostgres server = postgres();
      createDatabase(server, name);
      properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + server.getPort() + "/" + name);
      properties.put("spring.datasource.username", "postgres");
      properties.put("spring.datasource.password", "");
    }
    return properties;
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      long started = System.nanoTime();
      try {
        postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      log.info("Embedded PostgreSQL started on port {} in {} ms", postgres.getPort(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return postgres;
  }

  private static void createDatabase(EmbeddedPostgres server, String name) {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name " + name);
    }
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      boolean exists;
      try (var rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
        exists = rs.next();
      }
      if (!exists) {
        statement.execute("CREATE DATABASE " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }
}
