package org.ketaminecds.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ketaminecds.report.UsageReport.ReasonCount;
import org.ketaminecds.report.UsageReport.RuleUsage;
import org.ketaminecds.report.UsageReport.ServiceUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the usage report from the audit and feedback tables. Rows are read once and grouped here rather
 * than in SQL, so the same code gives the same numbers on H2 and PostgreSQL (their date truncation and
 * percentile functions differ); the scan is bounded by the date range and the retention.
 */
@Component
class UsageReportQuery {

  private final JdbcClient jdbc;

  UsageReportQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code from} and {@code to} are inclusive UTC dates; {@code serviceId} null means all services. */
  UsageReport report(LocalDate from, LocalDate to, ReportPeriod period, String serviceId) {
    OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    Map<Key, RuleBucket> rules = new TreeMap<>();
    jdbc.sql("""
            SELECT c.service_id, c.rule_id, c.issued_at, c.audit_id, a.total_micros
            FROM issued_card c JOIN invocation_audit a ON a.id = c.audit_id
            WHERE c.issued_at >= ? AND c.issued_at < ?""")
        .params(start, end)
        .query((ResultSet rs) -> {
          if (wanted(serviceId, rs.getString(1))) {
            RuleBucket bucket = rules.computeIfAbsent(key(rs, period), k -> new RuleBucket());
            bucket.fired++;
            bucket.latencyByInvocation.put(rs.getString(4), nullableLong(rs, 5));
          }
        });
    jdbc.sql("""
            SELECT service_id, rule_id, card_issued_at, outcome,
              override_reason_system, override_reason_code, override_reason_display
            FROM feedback WHERE card_issued_at >= ? AND card_issued_at < ?""")
        .params(start, end)
        .query((ResultSet rs) -> {
          if (wanted(serviceId, rs.getString(1))) {
            RuleBucket bucket = rules.computeIfAbsent(key(rs, period), k -> new RuleBucket());
            if ("accepted".equals(rs.getString(4))) {
              bucket.accepted++;
            } else if ("overridden".equals(rs.getString(4))) {
              bucket.overridden++;
              if (rs.getString(6) != null) {
                bucket.reasons.computeIfAbsent(rs.getString(5) + "|" + rs.getString(6),
                    k -> new ReasonTally(rsString(rs, 5), rsString(rs, 6), rsString(rs, 7))).count++;
              }
            }
          }
        });
    return new UsageReport(from, to, period, "UTC", ruleRows(rules), services(start, end, period, serviceId));
  }

  private List<ServiceUsage> services(OffsetDateTime start, OffsetDateTime end, ReportPeriod period,
      String serviceId) {
    Map<Key, ServiceBucket> services = new TreeMap<>();
    jdbc.sql("SELECT service_id, received_at, outcome, total_micros FROM invocation_audit"
            + " WHERE received_at >= ? AND received_at < ?")
        .params(start, end)
        .query((ResultSet rs) -> {
          if (wanted(serviceId, rs.getString(1))) {
            LocalDate day = rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            ServiceBucket bucket =
                services.computeIfAbsent(new Key(period.start(day), rs.getString(1), ""), k -> new ServiceBucket());
            bucket.invocations++;
            bucket.failed += "ok".equals(rs.getString(3)) ? 0 : 1;
            bucket.latencies.add(nullableLong(rs, 4));
          }
        });
    List<ServiceUsage> rows = new ArrayList<>();
    services.forEach((key, bucket) -> {
      Percentiles latency = Percentiles.of(bucket.latencies);
      rows.add(new ServiceUsage(key.periodStart(), key.serviceId(), bucket.invocations, bucket.failed,
          latency.millis(50), latency.millis(95)));
    });
    return rows;
  }

  private static List<RuleUsage> ruleRows(Map<Key, RuleBucket> rules) {
    List<RuleUsage> rows = new ArrayList<>();
    rules.forEach((key, bucket) -> {
      Percentiles latency = Percentiles.of(bucket.latencyByInvocation.values());
      List<ReasonCount> reasons = bucket.reasons.values().stream()
          .map(r -> new ReasonCount(r.system, r.code, r.display, r.count))
          .sorted(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::code))
          .toList();
      rows.add(new RuleUsage(key.periodStart(), key.serviceId(), key.ruleId(), bucket.fired, bucket.accepted,
          bucket.overridden, reasons, latency.millis(50), latency.millis(95)));
    });
    return rows;
  }

  /** Columns 1-3 of both rule queries: service id, rule id, the card's issue time. */
  private static Key key(ResultSet rs, ReportPeriod period) throws SQLException {
    LocalDate day = rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    return new Key(period.start(day), rs.getString(1), rs.getString(2));
  }

  private static boolean wanted(String serviceId, String rowServiceId) {
    return serviceId == null || serviceId.equals(rowServiceId);
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static String rsString(ResultSet rs, int column) {
    try {
      return rs.getString(column);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Key(LocalDate periodStart, String serviceId, String ruleId) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::periodStart)
        .thenComparing(Key::serviceId).thenComparing(Key::ruleId);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private static final class RuleBucket {
    long fired;
    long accepted;
    long overridden;
    final Map<String, Long> latencyByInvocation = new HashMap<>();
    final Map<String, ReasonTally> reasons = new LinkedHashMap<>();
  }

  private static final class ReasonTally {
    final String system;
    final String code;
    final String display;
    long count;

    ReasonTally(String system, String code, String display) {
      this.system = system;
      this.code = code;
      this.display = display;
    }
  }

  private static final class ServiceBucket {
    long invocations;
    long failed;
    final List<Long> latencies = new ArrayList<>();
  }
}
