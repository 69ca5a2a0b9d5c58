package org.ketaminecds.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;

/** How the report groups time: by UTC calendar day, ISO week (starting Monday) or calendar month. */
enum ReportPeriod {
  DAY("day"),
  WEEK("week"),
  MONTH("month");

  private final String wire;

  ReportPeriod(String wire) {
    this.wire = wire;
  }

  @JsonValue
  String wire() {
    return wire;
  }

  /** {@code null} when the value is not one of day, week, month. */
  static ReportPeriod fromWire(String value) {
    return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst().orElse(null);
  }

  /** The first day of the period that contains {@code date}. */
  LocalDate start(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }
}
