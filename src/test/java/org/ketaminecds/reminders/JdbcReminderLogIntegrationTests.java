package org.ketaminecds.reminders;

import org.junit.jupiter.api.Nested;
import org.ketaminecds.audit.TestDatabase;

/** The shared reminder log on the embedded default (H2 files) and on a real PostgreSQL server. */
class JdbcReminderLogIntegrationTests {

  @Nested
  class OnH2 extends JdbcReminderLogContract {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends JdbcReminderLogContract {
    OnPostgres() {
      super(TestDatabase.POSTGRES);
    }
  }
}
