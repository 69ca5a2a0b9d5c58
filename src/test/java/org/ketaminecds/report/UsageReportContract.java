package org.ketaminecds.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ketaminecds.audit.Invocations.CLIENT;
import static org.ketaminecds.audit.Invocations.SERVICE;
import static org.ketaminecds.audit.Invocations.card;
import static org.ketaminecds.audit.Invocations.invocation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ketaminecds.audit.InvocationAudit;
import org.ketaminecds.audit.InvocationAudit.IssuedCard;
import org.ketaminecds.audit.InvocationAudit.Timings;
import org.ketaminecds.audit.StorageIntegrationSupport;
import org.ketaminecds.audit.TestDatabase;
import org.ketaminecds.cards.Coding;
import org.ketaminecds.cards.Indicator;
import org.ketaminecds.feedback.FeedbackItem;
import org.ketaminecds.feedback.FeedbackItem.AcceptedSuggestion;
import org.ketaminecds.feedback.FeedbackItem.OverrideReason;
import org.ketaminecds.feedback.FeedbackOutcome;
import org.ketaminecds.feedback.FeedbackSink;
import org.ketaminecds.report.UsageReport.ReasonCount;
import org.ketaminecds.report.UsageReport.RuleUsage;
import org.ketaminecds.report.UsageReport.ServiceUsage;

/**
 * Report numbers for a seeded set, worked out by hand, run once per database by
 * {@link UsageReportIntegrationTests}. Percentiles are nearest-rank: p50 of (10, 20, 30) is 20, p95 is 30.
 */
abstract class UsageReportContract extends StorageIntegrationSupport {

  static final String CHART = "ketamine-chart-review";
  static final Coding NOT_APPLICABLE = new Coding("urn:reasons", "not-applicable", "Not applicable");
  static final Coding BENEFIT = new Coding("urn:reasons", "benefit-outweighs-risk", "Benefit outweighs risk");

  UsageReportContract(TestDatabase database) {
    super(database);
  }

  @BeforeEach
  void seed() {
    IssuedCard a = card("esketamine-rems", Indicator.WARNING, 1);
    IssuedCard b = card("esketamine-aneurysm", Indicator.CRITICAL, 0);
    IssuedCard c = card("esketamine-rems", Indicator.WARNING, 1);
    IssuedCard d = card("esketamine-rems", Indicator.WARNING, 1);
    IssuedCard e = card("esketamine-aneurysm", Indicator.CRITICAL, 0);
    IssuedCard f = card("esketamine-rems", Indicator.WARNING, 1);
    IssuedCard g = card("esketamine-rems", Indicator.WARNING, 1);
    IssuedCard h = card("esketamine-rems", Indicator.WARNING, 1);
    record(invocation(Instant.parse("2026-03-02T08:00:00Z"), 10, a, b));
    record(invocation(Instant.parse("2026-03-02T09:00:00Z"), 20, c));
    record(invocation(Instant.parse("2026-03-02T23:59:59.999Z"), 30, d));
    record(invocation(Instant.parse("2026-03-02T10:00:00Z"), 40, e));
    record(invocation(Instant.parse("2026-03-03T00:00:00Z"), 50, f));
    record(invocation(Instant.parse("2026-03-10T12:00:00Z"), 60, g));
    record(invocation(Instant.parse("2026-04-01T12:00:00Z"), 70, h));
    record(invocation(CHART, Instant.parse("2026-03-02T12:00:00Z"), 100, card("chart-rule", Indicator.INFO, 0)));
    record(new InvocationAudit(Instant.parse("2026-03-02T13:00:00Z"), "failed", SERVICE, "order-sign", CLIENT,
        "p", List.of(), Map.of(), new Timings(null, null, null, null, Duration.ofMillis(5)), List.of(),
        "prefetch-unavailable"));
    FeedbackSink sink = context().getBean(FeedbackSink.class);
    Instant at = Instant.parse("2026-03-12T00:00:00Z");
    sink.store(SERVICE, CLIENT, List.of(
        new FeedbackItem(a.uuid(), FeedbackOutcome.ACCEPTED, List.of(new AcceptedSuggestion(a.suggestionUuids().get(0))),
            null, at),
        overridden(c, NOT_APPLICABLE, at), overridden(d, NOT_APPLICABLE, at), overridden(b, BENEFIT, at),
        overridden(e, NOT_APPLICABLE, at),
        new FeedbackItem(f.uuid(), FeedbackOutcome.ACCEPTED, List.of(), null, at),
        overridden(g, BENEFIT, at)));
  }

  private UsageReport report(String from, String to, ReportPeriod period, String service) {
    return context().getBean(UsageReportQuery.class)
        .report(LocalDate.parse(from), LocalDate.parse(to), period, service);
  }

  @Test
  void countsFiredAcceptedOverriddenReasonsAndLatencyPerRuleAndDay() {
    UsageReport report = report("2026-03-02", "2026-03-03", ReportPeriod.DAY, null);

    assertThat(report.rules()).containsExactly(
        new RuleUsage(LocalDate.parse("2026-03-02"), CHART, "chart-rule", 1, 0, 0, List.of(), 100.0, 100.0),
        new RuleUsage(LocalDate.parse("2026-03-02"), SERVICE, "esketamine-aneurysm", 2, 0, 2,
            List.of(reason(BENEFIT, 1), reason(NOT_APPLICABLE, 1)), 10.0, 40.0),
        new RuleUsage(LocalDate.parse("2026-03-02"), SERVICE, "esketamine-rems", 3, 1, 2,
            List.of(reason(NOT_APPLICABLE, 2)), 20.0, 30.0),
        new RuleUsage(LocalDate.parse("2026-03-03"), SERVICE, "esketamine-rems", 1, 1, 0, List.of(), 50.0, 50.0));
    assertThat(report.services()).containsExactly(
        new ServiceUsage(LocalDate.parse("2026-03-02"), CHART, 1, 0, 100.0, 100.0),
        new ServiceUsage(LocalDate.parse("2026-03-02"), SERVICE, 5, 1, 20.0, 40.0),
        new ServiceUsage(LocalDate.parse("2026-03-03"), SERVICE, 1, 0, 50.0, 50.0));
  }

  @Test
  void groupsByIsoWeekStartingMondayForOneService() {
    UsageReport report = report("2026-03-01", "2026-03-31", ReportPeriod.WEEK, SERVICE);

    assertThat(report.rules()).containsExactly(
        new RuleUsage(LocalDate.parse("2026-03-02"), SERVICE, "esketamine-aneurysm", 2, 0, 2,
            List.of(reason(BENEFIT, 1), reason(NOT_APPLICABLE, 1)), 10.0, 40.0),
        new RuleUsage(LocalDate.parse("2026-03-02"), SERVICE, "esketamine-rems", 4, 2, 2,
            List.of(reason(NOT_APPLICABLE, 2)), 20.0, 50.0),
        new RuleUsage(LocalDate.parse("2026-03-09"), SERVICE, "esketamine-rems", 1, 0, 1,
            List.of(reason(BENEFIT, 1)), 60.0, 60.0));
  }

  @Test
  void groupsByCalendarMonth() {
    UsageReport report = report("2026-03-01", "2026-04-30", ReportPeriod.MONTH, SERVICE);

    assertThat(report.rules()).extracting(RuleUsage::periodStart, RuleUsage::ruleId, RuleUsage::fired,
            RuleUsage::accepted, RuleUsage::overridden)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-01"), "esketamine-aneurysm", 2L, 0L, 2L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-01"), "esketamine-rems", 5L, 2L, 3L),
            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-04-01"), "esketamine-rems", 1L, 0L, 0L));
  }

  @Test
  void includesTheWholeLastDayAndNothingAfterIt() {
    UsageReport report = report("2026-03-02", "2026-03-02", ReportPeriod.DAY, SERVICE);

    assertThat(report.rules()).extracting(RuleUsage::ruleId, RuleUsage::fired)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("esketamine-aneurysm", 2L),
            org.assertj.core.groups.Tuple.tuple("esketamine-rems", 3L));
  }

  @Test
  void keepsTheNumbersAcrossARestart() {
    restart();

    assertThat(report("2026-03-02", "2026-03-03", ReportPeriod.DAY, SERVICE).rules())
        .extracting(RuleUsage::fired).containsExactly(2L, 3L, 1L);
  }

  private static ReasonCount reason(Coding coding, long count) {
    return new ReasonCount(coding.system(), coding.code(), coding.display(), count);
  }

  private static FeedbackItem overridden(IssuedCard card, Coding reason, Instant at) {
    return new FeedbackItem(card.uuid(), FeedbackOutcome.OVERRIDDEN, List.of(), new OverrideReason(reason, null), at);
  }
}
