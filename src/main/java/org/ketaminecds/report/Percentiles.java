package org.ketaminecds.report;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of durations in microseconds, reported in milliseconds. */
final class Percentiles {

  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  static Percentiles of(Collection<Long> micros) {
    long[] values = micros.stream().filter(v -> v != null).mapToLong(Long::longValue).toArray();
    Arrays.sort(values);
    return new Percentiles(values);
  }

  /** The smallest value with at least {@code p}% of the values at or below it; {@code null} without values. */
  Double millis(int p) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1000.0;
  }
}
