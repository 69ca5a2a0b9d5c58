package org.ketaminecds.prefetch;

import java.time.Duration;

/** The moment by which all fetching for one hook request must be done (monotonic clock). */
record Deadline(long atNanos) {

  static Deadline after(Duration budget) {
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  Duration remaining() {
    return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
  }

  boolean passed() {
    return atNanos - System.nanoTime() <= 0;
  }
}
