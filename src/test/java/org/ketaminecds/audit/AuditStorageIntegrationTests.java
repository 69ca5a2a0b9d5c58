package org.ketaminecds.audit;

import org.junit.jupiter.api.Nested;

/** The audit store on the embedded default (H2 files) and on a real PostgreSQL server. */
class AuditStorageIntegrationTests {

  @Nested
  class OnH2 extends AuditStorageContract {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends AuditStorageContract {
    OnPostgres() {
      super(TestDatabase.POSTGRES);
    }
  }
}
