package org.ketaminecds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The results table (plain text for the console, Markdown for bench/RESULTS.md) and the targets. */
final class BenchReport {

  /**
   * One measured phase. Memory is the peak sampled during the phase; load is the 1-minute load average; CPU is
   * milliseconds of process CPU time per answered request during the phase, of the server and of this benchmark
   * process (the client, and the stub FHIR server where a scenario fetches): on two shared cores, whichever side
   * needs more limits the rate.
   */
  record Row(String scenario, int concurrency, LoadRun.Outcome outcome, double heapMb, double rssMb, double loadBefore,
      double loadAfter, double serverCpuMs, double compilerCpuMs, double clientCpuMs) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private double readySeconds;

  void add(Row row) {
    rows.add(row);
  }

  void note(String note) {
    notes.add(note);
  }

  void ready(double seconds) {
    readySeconds = seconds;
  }

  String table() {
    var text = new StringBuilder(String.format("%-26s %5s %8s %8s %8s %8s %8s %8s %7s %7s %7s %5s %5s %7s %7s %7s%n",
        "scenario", "conc", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "heapMB",
        "rssMB", "cards", "load", "srvCPU", "ofJIT", "cliCPU"));
    for (Row row : rows) {
      var o = row.outcome();
      text.append(String.format("%-26s %5d %8d %8.0f %8.2f %8.2f %8.2f %8.1f %7d %7.0f %7.0f %5d %5.1f %7.2f %7.2f %7.2f%n",
          row.scenario(), row.concurrency(), o.requests(), o.perSecond(), o.percentile(50), o.percentile(95),
          o.percentile(99), o.percentile(100), o.errors(), row.heapMb(), row.rssMb(), o.cardsInFirstResponse(),
          row.loadBefore(), row.serverCpuMs(), row.compilerCpuMs(), row.clientCpuMs()));
    }
    return text.toString();
  }

  String markdownTable() {
    var text = new StringBuilder("| scenario | concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | "
        + "errors | heap used MB (peak) | RSS MB (peak) | cards | load 1m (before → after) | server CPU ms/request "
        + "| of which JIT compiler | client CPU ms/request |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
    for (Row row : rows) {
      var o = row.outcome();
      text.append(String.format("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.1f | %d%s | %.0f | %.0f | %d | "
              + "%.2f → %.2f | %.2f | %.2f | %.2f |%n", row.scenario(), row.concurrency(), o.requests(), o.perSecond(),
          o.percentile(50), o.percentile(95), o.percentile(99), o.percentile(100), o.errors(),
          o.errorKinds().isEmpty() ? "" : " " + o.errorKinds(), row.heapMb(), row.rssMb(), o.cardsInFirstResponse(),
          row.loadBefore(), row.loadAfter(), row.serverCpuMs(), row.compilerCpuMs(), row.clientCpuMs()));
    }
    return text.toString();
  }

  /**
   * Server CPU ms per call at 1 concurrent in the last full run before the resource filter (2026-12-06 06:07 UTC,
   * bench/RESULTS.md of that day): the "no slower than today" line of issue 14.
   */
  private static final Map<String, Double> CPU_BEFORE = Map.of("order-sign-small", 13.86, "order-sign-typical", 15.28,
      "patient-view-typical", 10.42, "order-sign-no-prefetch", 27.82, "order-sign-heavy", 257.20);

  /** The targets of issue 14 against what was measured (1 concurrent); a target whose phase did not run is "not run". */
  String targets() {
    var text = new StringBuilder("| target | measured | result |\n|---|---|---|\n");
    cpuTarget(text, "order-sign-typical", 4);
    cpuTarget(text, "order-sign-heavy", 40);
    find("order-sign-heavy", 1).ifPresentOrElse(r -> target(text, "order-sign-heavy: p50 <= 60 ms (1 concurrent)",
        fmt(r.outcome().percentile(50)) + " ms", r.outcome().percentile(50) <= 60),
        () -> text.append("| order-sign-heavy: p50 <= 60 ms | not run | - |\n"));
    cpuTarget(text, "patient-view-typical", 3);
    for (String scenario : List.of("order-sign-small", "order-sign-no-prefetch")) {
      cpuTarget(text, scenario, CPU_BEFORE.get(scenario));
    }
    rows.stream().filter(r -> r.concurrency() == 64 && r.scenario().equals("order-sign-typical")).findFirst()
        .ifPresent(r -> target(text, "heap <= 512 MB under the 64-concurrent run", String.format("%.0f MB peak used",
            r.heapMb()), r.heapMb() <= 512));
    text.append("| ready after start (not a target of issue 14) | ").append(String.format("%.2f s", readySeconds))
        .append(" | - |\n");
    return text.toString();
  }

  private void cpuTarget(StringBuilder text, String scenario, double limit) {
    var before = CPU_BEFORE.get(scenario);
    var name = String.format("%s: server CPU <= %.2f ms per call (1 concurrent; before: %.2f)", scenario, limit, before);
    find(scenario, 1).ifPresentOrElse(r -> target(text, name, fmt(r.serverCpuMs()) + " ms", r.serverCpuMs() <= limit),
        () -> text.append("| ").append(name).append(" | not run | - |\n"));
  }

  void write(Path file, String command, String machine, String setup, String profile) throws IOException {
    var text = new StringBuilder("# Benchmark results\n\n")
        .append("Date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("  \n")
        .append("Command: `").append(command).append("`  \n")
        .append("Machine: ").append(machine).append("\n\n")
        .append("Time to ready (process start to readiness UP, /readyz): **")
        .append(String.format("%.2f s", readySeconds)).append("**\n\n")
        .append("## Results\n\nLatency is measured by the client around each HTTP call on loopback (so it includes "
            + "the client's own HTTP and the shared CPU); heap and RSS are the server's peaks sampled every 250 ms "
            + "during the phase.\n\n")
        .append(markdownTable()).append("\n## Targets (issue 14)\n\n").append(targets())
        .append("\n## Set-up\n\n").append(setup).append('\n');
    notes.forEach(n -> text.append("- ").append(n).append('\n'));
    if (profile != null) {
      text.append("\n## Profile\n\n```\n").append(profile).append("```\n");
    }
    Files.writeString(file, text.toString());
  }

  private Optional<Row> find(String scenario, int concurrency) {
    return rows.stream().filter(r -> r.scenario().equals(scenario) && r.concurrency() == concurrency).findFirst();
  }

  private static void target(StringBuilder text, String target, String measured, boolean met) {
    text.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
        .append(" |\n");
  }

  private static String fmt(double millis) {
    return String.format("%.2f", millis);
  }
}
