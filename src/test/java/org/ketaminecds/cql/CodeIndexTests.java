package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Code;

/** A retrieve's code filter matches exactly what a scan of the list would. */
class CodeIndexTests {

  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  private static final String SNOMED = "http://snomed.info/sct";

  @Test
  void matchesACodeOnlyInItsOwnSystem() {
    var index = new CodeIndex(List.of(new Code().withSystem(RXNORM).withCode("36437")));

    assertThat(index.matches(RXNORM, "36437")).isTrue();
    assertThat(index.matches(SNOMED, "36437")).isFalse();
    assertThat(index.matches(null, "36437")).isFalse();
    assertThat(index.matches(RXNORM, "36438")).isFalse();
  }

  @Test
  void matchesACodeWithoutSystemInAnySystem() {
    var index = new CodeIndex(List.of(new Code().withCode("36437")));

    assertThat(index.matches(RXNORM, "36437")).isTrue();
    assertThat(index.matches(null, "36437")).isTrue();
  }

  @Test
  void keepsEverySystemOfACodeAndIgnoresEmptyEntries() {
    var codes = new ArrayList<Code>();
    codes.add(new Code().withSystem(RXNORM).withCode("1"));
    codes.add(new Code().withSystem(SNOMED).withCode("1"));
    codes.add(null);
    codes.add(new Code().withSystem(RXNORM));
    var index = new CodeIndex(codes);

    assertThat(index.matches(RXNORM, "1")).isTrue();
    assertThat(index.matches(SNOMED, "1")).isTrue();
    assertThat(index.matches(RXNORM, null)).isFalse();
  }

  @Test
  void findsOneCodeAmongHundreds() {
    var codes = new ArrayList<Code>();
    for (int i = 0; i < 500; i++) {
      codes.add(new Code().withSystem(RXNORM).withCode(String.valueOf(100_000 + i)));
    }
    var index = new CodeIndex(codes);

    assertThat(index.matches(RXNORM, "100499")).isTrue();
    assertThat(index.matches(RXNORM, "100500")).isFalse();
  }
}
