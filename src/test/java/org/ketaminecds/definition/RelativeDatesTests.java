package org.ketaminecds.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class RelativeDatesTests {

  // 2025-03-31 23:30 in New York is already 2025-04-01 in UTC
  final RelativeDates dates = new RelativeDates(ZonedDateTime.of(2025, 3, 31, 23, 30, 15, 500, ZoneId.of("America/New_York")));

  @Test
  void replacesTodayWithTheLocalDate() {
    assertThat(dates.substitute("${today}")).isEqualTo("2025-03-31");
  }

  @Test
  void shiftsTodayByDaysWeeksMonthsAndYears() {
    assertThat(dates.substitute("${today-30d}")).isEqualTo("2025-03-01");
    assertThat(dates.substitute("${today+1d}")).isEqualTo("2025-04-01");
    assertThat(dates.substitute("${today-2w}")).isEqualTo("2025-03-17");
    assertThat(dates.substitute("${today-1m}")).isEqualTo("2025-02-28");
    assertThat(dates.substitute("${today-1y}")).isEqualTo("2024-03-31");
  }

  @Test
  void cutsADateToTheMonthOrYearARecordMayGive() {
    assertThat(dates.substitute("${today-300d:year}")).isEqualTo("2024");
    assertThat(dates.substitute("${today:month}")).isEqualTo("2025-03");
    assertThat(dates.substitute("${today-1m:month}")).isEqualTo("2025-02");
    assertThatThrownBy(() -> dates.substitute("${now:year}")).hasMessageContaining("only a date");
    assertThatThrownBy(() -> dates.substitute("${today:day}")).hasMessageContaining("unknown date token");
  }

  @Test
  void replacesNowWithAnInstantInUtc() {
    assertThat(dates.substitute("${now}")).isEqualTo("2025-04-01T03:30:15Z");
    assertThat(dates.substitute("${now-2h}")).isEqualTo("2025-04-01T01:30:15Z");
    assertThat(dates.substitute("${now+1d}")).isEqualTo("2025-04-02T03:30:15Z");
  }

  @Test
  void replacesTokensInsideLongerStringsAndLeavesOtherTextAlone() {
    assertThat(dates.substitute("from ${today-7d} to ${today}, cost ${price}"))
        .isEqualTo("from 2025-03-24 to 2025-03-31, cost ${price}");
  }

  @Test
  void rejectsMalformedTokens() {
    assertThatThrownBy(() -> dates.substitute("${today-30}")).hasMessageContaining("unknown date token ${today-30}");
    assertThatThrownBy(() -> dates.substitute("${today-3q}")).hasMessageContaining("unknown date token");
    assertThatThrownBy(() -> dates.substitute("${today-2h}")).hasMessageContaining("use ${now-2h}");
  }

  @Test
  void replacesEveryStringInAJsonTreeButNoKeys() throws Exception {
    var mapper = new ObjectMapper();
    var tree = mapper.readTree("""
        {"${today}": 1, "a": ["${today}", {"b": "${now}"}], "n": 5, "t": true}""");

    var rolled = dates.substitute(tree);

    assertThat(rolled.has("${today}")).isTrue();
    assertThat(rolled.at("/a/0").asText()).isEqualTo("2025-03-31");
    assertThat(rolled.at("/a/1/b").asText()).isEqualTo("2025-04-01T03:30:15Z");
    assertThat(rolled.at("/n").asInt()).isEqualTo(5);
    assertThat(tree.at("/a/0").asText()).as("the input is not modified").isEqualTo("${today}");
  }
}
