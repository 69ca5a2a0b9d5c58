package org.ketaminecds.feedback;

import org.junit.jupiter.api.Nested;
import org.ketaminecds.audit.TestDatabase;

/** The feedback store on the embedded default (H2 files) and on a real PostgreSQL server. */
class FeedbackStorageIntegrationTests {

  @Nested
  class OnH2 extends FeedbackStorageContract {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends FeedbackStorageContract {
    OnPostgres() {
      super(TestDatabase.POSTGRES);
    }
  }
}
