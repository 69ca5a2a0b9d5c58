package org.ketaminecds.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.DateTime;
import org.opencds.cqf.cql.engine.runtime.Quantity;

class ParameterValuesTests {

  @Test
  void convertsScalars() {
    assertThat(ParameterValues.convert("System.Integer", " 24 ")).isEqualTo(24);
    assertThat(ParameterValues.convert("System.Decimal", "0.75")).isEqualTo(new BigDecimal("0.75"));
    assertThat(ParameterValues.convert("System.Boolean", "TRUE")).isEqualTo(true);
    assertThat(ParameterValues.convert("System.String", " as is ")).isEqualTo(" as is ");
  }

  @Test
  void convertsCalendarAndUcumQuantities() {
    assertThat((Quantity) ParameterValues.convert("System.Quantity", "24 months"))
        .extracting(Quantity::getValue, Quantity::getUnit).containsExactly(new BigDecimal("24"), "months");
    assertThat((Quantity) ParameterValues.convert("System.Quantity", "140 'mm[Hg]'"))
        .extracting(Quantity::getValue, Quantity::getUnit).containsExactly(new BigDecimal("140"), "mm[Hg]");
    assertThat((Quantity) ParameterValues.convert("System.Quantity", "2.5"))
        .extracting(Quantity::getUnit).isEqualTo("1");
  }

  @Test
  void convertsDatesAndDateTimes() {
    assertThat(((Date) ParameterValues.convert("System.Date", "2024-01-31")).getDate()).isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(((DateTime) ParameterValues.convert("System.DateTime", "2024-01-31T08:00:00Z")).getDateTime())
        .isEqualTo(OffsetDateTime.parse("2024-01-31T08:00:00Z"));
  }

  @Test
  void refusesTextThatIsNotOfTheType() {
    assertThatThrownBy(() -> ParameterValues.convert("System.Integer", "2.5")).hasMessage("'2.5' is not a System.Integer");
    assertThatThrownBy(() -> ParameterValues.convert("System.Boolean", "yes")).hasMessageContaining("true or false");
    assertThatThrownBy(() -> ParameterValues.convert("System.Quantity", "24 furlongs")).hasMessageContaining("quote UCUM units");
    assertThatThrownBy(() -> ParameterValues.convert("System.Date", "31/01/2024")).hasMessageContaining("write 2024-01-31");
    assertThatThrownBy(() -> ParameterValues.convert("FHIR.Quantity", "1 'mg'")).hasMessageContaining("cannot be set from configuration");
  }
}
