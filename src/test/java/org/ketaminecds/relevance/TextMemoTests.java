package org.ketaminecds.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextMemoTests {

  private static final Pattern ZOLPIDEM = Pattern.compile("(?s).*\\b(zolpidem|ambien)\\b.*");
  private static final Pattern SERTRALINE = Pattern.compile("(?s).*\\b(sertraline|zoloft)\\b.*");

  @Test
  void answersAsConceptTextForEachPatternAndText() {
    TextMemo memo = new TextMemo();
    List<String> ambien = Arrays.asList("Ambien 10 mg at night", null);
    List<String> zoloft = Arrays.asList(null, "Zoloft 50 MG Oral Tablet");
    for (int round = 0; round < 2; round++) { // the second round is answered from the memo
      assertThat(memo.mayMatch(ambien, ZOLPIDEM)).isTrue();
      assertThat(memo.mayMatch(ambien, SERTRALINE)).isFalse();
      assertThat(memo.mayMatch(zoloft, ZOLPIDEM)).isFalse();
      assertThat(memo.mayMatch(zoloft, SERTRALINE)).isTrue();
      assertThat(memo.mayMatch(Arrays.asList("Ambien 10 mg at night", null), ZOLPIDEM)).isTrue();
    }
  }

  @Test
  void aClauseStopsAtTheFirstPartThatDecidesIt() {
    AtomicInteger calls = new AtomicInteger();
    RecordTest counted = (RecordTest.Opaque) (values, memo) -> {
      calls.incrementAndGet();
      return Truth.UNKNOWN;
    };
    RecordTest.Values none = path -> RecordTest.Value.ABSENT;

    assertThat(new RecordTest.All(List.of(new RecordTest.Fixed(false), counted)).on(none)).isEqualTo(Truth.FALSE);
    assertThat(new RecordTest.Any(List.of(new RecordTest.Fixed(true), counted)).on(none)).isEqualTo(Truth.TRUE);
    assertThat(calls).hasValue(0);
    assertThat(new RecordTest.All(List.of(new RecordTest.Fixed(true), counted)).on(none)).isEqualTo(Truth.UNKNOWN);
    assertThat(calls).hasValue(1);
  }
}
