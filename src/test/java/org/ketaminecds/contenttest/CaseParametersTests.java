package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Quantity;

/** An example case's {@code parameters}, read and converted to the types the libraries declare. */
class CaseParametersTests {

  private static final Map<String, Set<String>> DECLARED = Map.of(
      "Min Trials", Set.of("System.Integer"),
      "Dose Fraction", Set.of("System.Decimal"),
      "Lookback", Set.of("System.Quantity"),
      "Quiet", Set.of("System.Boolean"),
      "Site Name", Set.of("System.String"),
      "Codes", Set.of("List<System.Code>"),
      "Ambiguous", Set.of("System.Integer", "System.String"));

  private final ObjectMapper mapper = new ObjectMapper();

  private CaseParameters read(String text) throws Exception {
    return CaseParameters.read("svc/case.json", mapper.readTree(text), text, mapper);
  }

  @Test
  void convertsEachValueToItsDeclaredCqlType() throws Exception {
    var typed = read("""
        {"parameters": {"Min Trials": 3, "Dose Fraction": 0.75, "Lookback": "18 months", "Quiet": false,
                        "Site Name": "North"}}""").typed(DECLARED);

    assertThat(typed).containsEntry("Min Trials", 3).containsEntry("Dose Fraction", new BigDecimal("0.75"))
        .containsEntry("Quiet", false).containsEntry("Site Name", "North");
    assertThat((Quantity) typed.get("Lookback")).satisfies(q -> {
      assertThat(q.getValue()).isEqualByComparingTo("18");
      assertThat(q.getUnit()).isEqualTo("months");
    });
  }

  @Test
  void aCaseWithoutParametersHasNone() throws Exception {
    assertThat(read("{\"request\": {}}").typed(DECLARED)).isEmpty();
  }

  @Test
  void aWrongTypeNamesTheLineOfThatParameter() throws Exception {
    var parameters = read("{\n  \"parameters\": {\n    \"Quiet\": false,\n    \"Min Trials\": 2.5\n  }\n}");

    assertThatThrownBy(() -> parameters.typed(DECLARED)).hasMessage(
        "svc/case.json:4: parameters.Min Trials: expected a whole number (the parameter is a System.Integer), got 2.5");
  }

  @Test
  void aQuantityTheEngineCannotReadIsAProblemOfThatParameter() throws Exception {
    assertThatThrownBy(() -> read("{\"parameters\": {\"Lookback\": \"18 monthz\"}}").typed(DECLARED))
        .hasMessageStartingWith("svc/case.json:1: parameters.Lookback: '18 monthz': monthz is no calendar unit");
  }

  @Test
  void typesACaseCannotSetAndNamesDeclaredTwiceAreRefused() throws Exception {
    assertThatThrownBy(() -> read("{\"parameters\": {\"Codes\": \"x\"}}").typed(DECLARED))
        .hasMessageContaining("parameters.Codes: its type List<System.Code> cannot be set by a case");
    assertThatThrownBy(() -> read("{\"parameters\": {\"Ambiguous\": 1}}").typed(DECLARED))
        .hasMessageContaining("parameters.Ambiguous: libraries declare it with different types");
  }

  @Test
  void parametersMustBeAnObject() {
    assertThatThrownBy(() -> read("{\"request\": {},\n \"parameters\": [\"Quiet\"]}"))
        .hasMessage("svc/case.json:2: parameters: must be an object, CQL parameter name to value");
  }
}
