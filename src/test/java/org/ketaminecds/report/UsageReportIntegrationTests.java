package org.ketaminecds.report;

import org.junit.jupiter.api.Nested;
import org.ketaminecds.audit.TestDatabase;

/** The usage report on the embedded default (H2 files) and on a real PostgreSQL server. */
class UsageReportIntegrationTests {

  @Nested
  class OnH2 extends UsageReportContract {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends UsageReportContract {
    OnPostgres() {
      super(TestDatabase.POSTGRES);
    }
  }
}
