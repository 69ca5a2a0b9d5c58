package org.ketaminecds.report;

import java.util.List;
import java.util.stream.Collectors;
import org.ketaminecds.report.UsageReport.ReasonCount;
import org.ketaminecds.report.UsageReport.RuleUsage;

/**
 * The per-rule table of a {@link UsageReport} as RFC 4180 CSV for spreadsheets. Override reasons are one cell,
 * {@code display (code)=count} joined by {@code "; "}. Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe.
 */
final class UsageReportCsv {

  static final String HEADER = "period_start,service_id,rule_id,fired,accepted,overridden,override_reasons,"
      + "latency_p50_ms,latency_p95_ms";

  private UsageReportCsv() {}

  static String render(UsageReport report) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (RuleUsage row : report.rules()) {
      csv.append(String.join(",", List.of(
          row.periodStart().toString(), cell(row.serviceId()), cell(row.ruleId()),
          Long.toString(row.fired()), Long.toString(row.accepted()), Long.toString(row.overridden()),
          cell(reasons(row.overrideReasons())), number(row.latencyP50Ms()), number(row.latencyP95Ms()))))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String reasons(List<ReasonCount> reasons) {
    return reasons.stream()
        .map(r -> (r.display() == null ? r.code() : r.display() + " (" + r.code() + ")") + "=" + r.count())
        .collect(Collectors.joining("; "));
  }

  private static String number(Double value) {
    return value == null ? "" : value.toString();
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
