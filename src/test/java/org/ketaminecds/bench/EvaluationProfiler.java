package org.ketaminecds.bench;

import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.ketaminecds.cql.EvaluationRequest;

/**
 * Times the evaluation step alone for a small, a typical and a heavy patient in a loop and prints a JFR summary
 * of where the CPU goes ({@code bench/run profile-evaluation [profile] [seconds]}). A quick complement to
 * {@link EvaluationBenchmarks} while looking for hot spots.
 */
public final class EvaluationProfiler {

  private EvaluationProfiler() {}

  public static void main(String[] args) throws Exception {
    var only = args.length > 0 ? PatientProfile.valueOf(args[0].toUpperCase()) : null;
    var seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    try (var bench = new BenchContext()) {
      for (PatientProfile profile : PatientProfile.values()) {
        if (only != null && profile != only) {
          continue;
        }
        var request = bench.evaluationRequest(BenchRequests.ORDER_SERVICE, bench.generator.generate(profile, 1));
        if (Boolean.getBoolean("bench.unstaged")) { // every define the rules read at once, as before staging
          var all = new java.util.TreeSet<>(request.expressions());
          request.whenMet().values().forEach(all::addAll);
          request = new EvaluationRequest(request.library(), request.patientId(), request.resources(), all,
              request.parameters(), request.now());
        }
        System.out.printf("%s: %d resources, %d defines first, %d when their condition is met%n", profile.wire(),
            request.resources().size(), request.expressions().size(),
            request.whenMet().values().stream().mapToInt(java.util.Set::size).sum());
        System.out.printf("%s: %d of %d resources reach the engine (cds.resource-filter.enabled=%s)%n", profile.wire(),
            org.ketaminecds.cql.CqlProfiles.reachingEngine(bench.evaluator, request), request.resources().size(),
            System.getProperty("cds.resource-filter.enabled", "true"));
        System.out.printf("%s: reaching the engine by type %s%n", profile.wire(),
            org.ketaminecds.cql.CqlProfiles.reachingEngineByType(bench.evaluator, request));
        if (Integer.getInteger("bench.warmups", 0) > 0) { // by count: on a busy machine a timed warm-up leaves the JIT cold
          count(bench, request, Integer.getInteger("bench.warmups"));
        } else {
          loop(bench, request, Math.max(1, seconds / 3)); // warm-up
        }
        if (Integer.getInteger("bench.evaluations", 0) > 0) { // a fixed number of evaluations, no JFR
          var result = count(bench, request, Integer.getInteger("bench.evaluations"));
          System.out.printf("%s: %.2f ms per evaluation, %.2f ms CPU, %.0f KB allocated (%d evaluations)%n",
              profile.wire(), result[0], result[2], result[3], (long) result[1]);
          continue;
        }
        if (Boolean.getBoolean("bench.defines")) {
          perDefine(bench, request);
        }
        if (System.getProperty("bench.library") != null) { // these defines only: each alone, then together
          request = new EvaluationRequest(System.getProperty("bench.library"), request.patientId(),
              request.resources(), java.util.Set.of(System.getProperty("bench.expressions").split(",")),
              request.parameters(), request.now());
          perDefine(bench, request);
        }
        if (Boolean.getBoolean("bench.cql")) { // the engine's profile: self time per define, function, retrieve
          System.out.printf("%10s %10s %8s  %s%n", "self ms", "total ms", "calls", "CQL element");
          var costs = org.ketaminecds.cql.CqlProfiles.profile(bench.evaluator, request, 20);
          costs.stream().limit(Integer.getInteger("bench.cqlLines", 40)).forEach(c ->
              System.out.printf("%10.3f %10.3f %8d  %s%n", c.selfMs(), c.totalMs(), c.calls(), c.element()));
          System.out.printf("%10.3f ms in all (profiling on), %d elements%n",
              costs.stream().mapToDouble(org.ketaminecds.cql.CqlProfiles.Cost::selfMs).sum(), costs.size());
          continue;
        }
        try (var recording = new Recording(Configuration.getConfiguration("profile"))) {
          recording.start();
          var result = loop(bench, request, seconds);
          recording.stop();
          var file = Path.of("target", "bench", "evaluation-" + profile.wire() + ".jfr");
          recording.dump(file);
          System.out.printf("%s: %.2f ms per evaluation, %.2f ms CPU (%d evaluations)%n", profile.wire(), result[0],
              result[2], (long) result[1]);
          if (!Boolean.getBoolean("bench.quiet")) {
            System.out.println(JfrSummary.summarize(file, 25));
          }
        }
      }
    }
  }

  /** Each define alone (with what it references), slowest first: which content costs what. */
  private static void perDefine(BenchContext bench, EvaluationRequest request) {
    var costs = new java.util.TreeMap<Double, String>(java.util.Comparator.reverseOrder());
    for (String define : request.expressions()) {
      var alone = new EvaluationRequest(request.library(), request.patientId(), request.resources(),
          java.util.Set.of(define), request.parameters(), request.now());
      costs.put(loop(bench, alone, Integer.getInteger("bench.defineSeconds", 0))[2] + Math.random() * 1e-9, define);
    }
    costs.entrySet().stream().limit(25).forEach(e -> System.out.printf("  %9.2f ms  %s%n", e.getKey(), e.getValue()));
  }

  /** As {@link #loop} for a fixed number of evaluations. */
  private static double[] count(BenchContext bench, EvaluationRequest request, int evaluations) {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocated = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    for (int i = 0; i < evaluations; i++) {
      bench.evaluator.evaluate(request);
    }
    return new double[] {(System.nanoTime() - started) / 1e6 / evaluations, evaluations,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / evaluations,
        (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / evaluations};
  }

  /** Mean wall ms, count, mean CPU ms of this thread (the steadier figure on a shared machine). */
  private static double[] loop(BenchContext bench, EvaluationRequest request, int seconds) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    long stop = started + seconds * 1_000_000_000L;
    long count = 0;
    do {
      bench.evaluator.evaluate(request);
      count++;
    } while (System.nanoTime() < stop);
    return new double[] {(System.nanoTime() - started) / 1e6 / count, count,
        (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / count};
  }
}
