package org.ketaminecds.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ketaminecds.report.UsageReport.ReasonCount;
import org.ketaminecds.report.UsageReport.RuleUsage;

class UsageReportCsvTests {

  @Test
  void writesOneLinePerRuleAndPeriodWithReasonsInOneCell() {
    UsageReport report = new UsageReport(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
        ReportPeriod.WEEK, "UTC", List.of(new RuleUsage(LocalDate.parse("2026-03-02"), "svc", "rule-a", 4, 1, 2,
            List.of(new ReasonCount("urn:r", "na", "Not applicable, here", 2), new ReasonCount("urn:r", "x", null, 1)),
            12.5, null)), List.of());

    assertThat(UsageReportCsv.render(report)).isEqualTo(UsageReportCsv.HEADER + "\r\n"
        + "2026-03-02,svc,rule-a,4,1,2,\"Not applicable, here (na)=2; x=1\",12.5,\r\n");
  }

  @Test
  void quotesQuotesAndDefusesSpreadsheetFormulas() {
    assertThat(UsageReportCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(UsageReportCsv.cell("-1")).isEqualTo("'-1");
    assertThat(UsageReportCsv.cell("plain")).isEqualTo("plain");
    assertThat(UsageReportCsv.cell(null)).isEmpty();
  }
}
