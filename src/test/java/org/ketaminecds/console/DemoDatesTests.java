package org.ketaminecds.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DemoDatesTests {

  private final DemoDates dates = new DemoDates(ZonedDateTime.of(2026, 3, 31, 9, 15, 42, 0, ZoneId.of("Europe/Berlin")));

  @Test
  void rollsDatesRelativeToToday() {
    assertThat(dates.substitute("{\"a\":\"${today}\",\"b\":\"${today-60d}\",\"c\":\"${today+1w}\"}"))
        .isEqualTo("{\"a\":\"2026-03-31\",\"b\":\"2026-01-30\",\"c\":\"2026-04-07\"}");
  }

  @Test
  void rollsMonthsAndYearsByTheCalendar() {
    assertThat(dates.substitute("${today-1m} ${today-46y}")).isEqualTo("2026-02-28 1980-03-31");
  }

  /** Days are calendar days in the zone of now: the week back crosses the start of summer time in Berlin. */
  @Test
  void rendersMomentsAsUtcInstants() {
    assertThat(dates.substitute("${now} ${now-2h} ${now-7d}"))
        .isEqualTo("2026-03-31T07:15:42Z 2026-03-31T05:15:42Z 2026-03-24T08:15:42Z");
  }

  @Test
  void leavesOtherTextAlone() {
    assertThat(dates.substitute("{\"text\":\"$ {today} and ${other}\"}")).isEqualTo("{\"text\":\"$ {today} and ${other}\"}");
  }

  @Test
  void rejectsAMalformedToken() {
    assertThatIllegalArgumentException().isThrownBy(() -> dates.substitute("${today - 3 days}"))
        .withMessageContaining("${today - 3 days}");
  }

  @Test
  void rejectsHoursOnADate() {
    assertThatIllegalArgumentException().isThrownBy(() -> dates.substitute("${today-2h}"))
        .withMessageContaining("${now-2h}");
  }
}
