package org.ketaminecds.security;

import org.junit.jupiter.api.Nested;
import org.ketaminecds.audit.TestDatabase;

/** The shared replay cache on the embedded default (H2 files) and on a real PostgreSQL server. */
class JdbcReplayCacheIntegrationTests {

  @Nested
  class OnH2 extends JdbcReplayCacheContract {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends JdbcReplayCacheContract {
    OnPostgres() {
      super(TestDatabase.POSTGRES);
    }
  }
}
