package org.ketaminecds.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the admin report returns. Periods are UTC; a card's feedback counts in the period the card was issued,
 * so {@code accepted + overridden} can be compared with {@code fired}. Latencies are end-to-end invocation
 * times in milliseconds, nearest-rank percentiles over the invocations that produced the rule's cards.
 */
record UsageReport(
    LocalDate from, LocalDate to, ReportPeriod period, String timeZone, List<RuleUsage> rules,
    List<ServiceUsage> services) {

  public UsageReport {
    rules = List.copyOf(rules);
    services = List.copyOf(services);
  }

  /** One rule in one period. */
  record RuleUsage(
      LocalDate periodStart, String serviceId, String ruleId, long fired, long accepted, long overridden,
      List<ReasonCount> overrideReasons, Double latencyP50Ms, Double latencyP95Ms) {

    public RuleUsage {
      overrideReasons = List.copyOf(overrideReasons);
    }
  }

  /** How often an override reason was given (most frequent first). */
  record ReasonCount(String system, String code, String display, long count) {}

  /** All invocations of one service in one period, whatever their outcome. */
  record ServiceUsage(
      LocalDate periodStart, String serviceId, long invocations, long failed, Double latencyP50Ms,
      Double latencyP95Ms) {}
}
