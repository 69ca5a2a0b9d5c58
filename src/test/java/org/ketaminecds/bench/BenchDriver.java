package org.ketaminecds.bench;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * The HTTP benchmark (run by {@code bench/run}, documented in README "Performance"): generates the patients,
 * starts the stub FHIR server and the packaged service with JWT security on, measures time to ready, drives each
 * scenario at each concurrency level after a warm-up, prints the table, writes {@code bench/RESULTS.md} and
 * stops everything. Loopback only; every phase is bounded by request count and time.
 */
public final class BenchDriver {

  private BenchDriver() {}

  public static void main(String[] args) throws Exception {
    var options = BenchOptions.parse(args);
    var work = Files.createDirectories(Path.of("target", "bench"));
    var fhir = FhirContext.forR4Cached();
    var today = LocalDate.now();
    var generator = new PatientGenerator(ClinicalCodes.load(), today);
    var requests = new BenchRequests(fhir, Path.of("cds-hooks"), today);
    var report = new BenchReport();
    var client = new BenchClient(work);
    var scenarios = options.scenarios();

    var stubPatients = new ArrayList<SyntheticPatient>();
    var prepared = new ArrayList<Prepared>();
    for (Scenario scenario : scenarios) {
      var patients = new ArrayList<SyntheticPatient>();
      for (int i = 0; i < (options.quick() ? 2 : scenario.patients()); i++) {
        patients.add(generator.generate(scenario.profile(), i, scenario.depression()));
      }
      if (!scenario.prefetch()) {
        stubPatients.addAll(patients);
      }
      prepared.add(new Prepared(scenario, patients));
    }
    try (var stub = new StubFhirServer(fhir, stubPatients, requests.templates(BenchRequests.ORDER_SERVICE),
        options.fhirDelayMillis())) {
      for (Prepared p : prepared) {
        p.bodies = p.patients.stream().map(patient -> requests.body(p.scenario.service(), patient,
            p.scenario.prefetch() ? null : stub.baseUrl(), p.scenario.otherDrug())).toList();
        var first = p.patients.get(0);
        var prefetchSize = SyntheticPatient.size(first.prefetch(requests.templates(p.scenario.service())));
        report.note(String.format("%s: %d patients (%s); first patient: %d resources in the chart, %d in the "
                + "prefetch, request body %.0f KB%s", p.scenario.name(), p.patients.size(), p.scenario.profile().wire(),
            first.resources().size(), prefetchSize, p.bodies.get(0).length / 1024.0,
            p.scenario.prefetch() ? "" : " (no prefetch: fetched from the stub FHIR server, "
                + options.fhirDelayMillis() + " ms per call)"));
      }
      var jvm = options.serverJvm();
      var arguments = new ArrayList<>(client.serverArguments(stub.baseUrl()));
      arguments.add("--cds.security.replay-cache-size=2000000");
      // production profile (no preview console), a fresh embedded H2 store, a bench-only patient-hash secret
      var data = work.resolve("data").toAbsolutePath();
      org.springframework.util.FileSystemUtils.deleteRecursively(data);
      arguments.addAll(List.of("--spring.profiles.active=prod", "--cds.storage.data-dir=" + data,
          "--cds.audit.patient-hash-secret=bench-only-" + java.util.UUID.randomUUID()));
      System.out.println("Starting the service: " + String.join(" ", jvm));
      try (var server = ServerProcess.start(options.jar(), work, jvm, arguments)) {
        var ready = server.awaitReady(Duration.ofSeconds(180));
        report.ready(ready);
        System.out.printf("Ready after %.2f s (pid %d, load %.2f)%n", ready, server.pid(), Machine.load());
        if (options.profileStartup()) {
          server.jcmd("JFR.stop", "name=startup", "filename=" + work.resolve("startup.jfr").toAbsolutePath());
          System.out.println(JfrSummary.summarize(work.resolve("startup.jfr"), 25));
        }
        var comparisons = compareCards(options, client, work, jvm, arguments, prepared, server, report);
        boolean cardsEqual = comparisons.stream().allMatch(CardsComparison.Outcome::equal);
        if (options.compareOnly()) {
          server.close(); // System.exit skips try-with-resources
          System.exit(cardsEqual ? 0 : 1);
        }
        String profile = null;
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        for (Prepared p : prepared) {
          var path = "/cds-services/" + p.scenario.service();
          var run = new LoadRun(http, URI.create(server.base() + path), p.bodies);
          var audience = "http://127.0.0.1:" + URI.create(server.base()).getPort() + path;
          var warm = options.warmUp();
          System.out.printf("%s: warm-up (%d requests max)%n", p.scenario.name(), warm);
          var warmed = run.run(8, warm, Duration.ofSeconds(options.quick() ? 5 : 20), client.tokens(audience, warm));
          if (!options.quick()) {
            int perRound = (int) Math.min(20_000, warmed.perSecond() * 6 + 50);
            var settled = CompilerSettling.settle(server, options.settleLimit(),
                time -> run.run(8, perRound, time, client.tokens(audience, perRound)));
            report.note(p.scenario.name() + " warm-up: JIT compiler " + settled.describe());
            System.out.println(p.scenario.name() + " warm-up: JIT compiler " + settled.describe());
          }
          drain(server, report, p.scenario.name() + " warm-up");
          double rate = 0;
          for (int concurrency : options.concurrency()) {
            var bound = options.bound(concurrency);
            int tokens = rate == 0 ? bound.requests()
                : (int) Math.min(bound.requests(), rate * 3 * bound.time().toSeconds() + 200);
            var signed = client.tokens(audience, tokens + 50);
            run.run(concurrency, Math.min(50, tokens), Duration.ofSeconds(3),
                java.util.Arrays.copyOfRange(signed, tokens, tokens + 50));
            var heap = new DoubleAccumulator(Math::max, 0);
            var rss = new DoubleAccumulator(Math::max, 0);
            var sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
              heap.accumulate(server.heapUsedMb());
              rss.accumulate(server.rssMb());
            }, 0, 250, TimeUnit.MILLISECONDS);
            var loadBefore = Machine.load();
            double serverCpu = server.cpuMillis();
            double compilerCpu = server.compilerCpuMillis();
            double clientCpu = Machine.cpuMillis(ProcessHandle.current());
            var outcome = run.run(concurrency, tokens, bound.time(), signed);
            sampler.shutdownNow();
            // sampled CPU of the phase itself (the heap sampler's actuator calls are a few per second)
            serverCpu = (server.cpuMillis() - serverCpu) / Math.max(1, outcome.requests());
            compilerCpu = (server.compilerCpuMillis() - compilerCpu) / Math.max(1, outcome.requests());
            clientCpu = (Machine.cpuMillis(ProcessHandle.current()) - clientCpu) / Math.max(1, outcome.requests());
            rate = outcome.perSecond();
            drain(server, report, p.scenario.name() + " at " + concurrency);
            var row = new BenchReport.Row(p.scenario.name(), concurrency, outcome, heap.get(), rss.get(), loadBefore,
                Machine.load(), serverCpu, compilerCpu, clientCpu);
            report.add(row);
            System.out.printf("%s c=%d: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d %s%n",
                p.scenario.name(), concurrency, outcome.requests(), outcome.perSecond(), outcome.percentile(50),
                outcome.percentile(99), outcome.errors(), outcome.errorKinds().isEmpty() ? "" : outcome.errorKinds());
          }
          if (p.scenario.name().equals(options.profile())) {
            // a separate, unreported phase: JFR's profile settings slow the server down
            var file = work.resolve(p.scenario.name() + ".jfr").toAbsolutePath();
            server.jcmd("JFR.start", "name=bench", "settings=profile");
            var profiled = (int) Math.max(200, rate * 40);
            run.run(options.profileConcurrency(), profiled, Duration.ofSeconds(20), client.tokens(audience, profiled));
            server.jcmd("JFR.stop", "name=bench", "filename=" + file);
            drain(server, report, p.scenario.name() + " profiling");
            profile = p.scenario.name() + ", " + options.profileConcurrency() + " concurrent, 20 s (JFR settings=profile)\n"
                + JfrSummary.summarize(file, 30);
            System.out.println(profile);
          }
        }
        System.out.println();
        System.out.println(report.table());
        System.out.println(report.targets());
        if (options.out() != null) {
          report.write(options.out(), options.command(), Machine.describe(), options.setup(), profile);
          System.out.println("Written " + options.out());
        }
        if (!cardsEqual) {
          System.exit(1);
        }
      }
    }
    System.exit(0);
  }

  /** The cards comparisons asked for: filter on and off (unless --no-compare), and this build and --baseline. */
  private static List<CardsComparison.Outcome> compareCards(BenchOptions options, BenchClient client, Path work,
      List<String> jvm, List<String> arguments, List<Prepared> prepared, ServerProcess server, BenchReport report)
      throws Exception {
    var requests = prepared.stream().map(p -> new CardsComparison.Requests(p.scenario.name(), p.scenario.service(),
        p.bodies)).toList();
    var comparison = new CardsComparison(client);
    var outcomes = new java.util.ArrayList<CardsComparison.Outcome>();
    if (options.compareCards()) {
      System.out.println("Comparing cards with the resource filter on and off (a second server, filter off)");
      outcomes.add(comparison.againstUnfiltered(options.jar(), work, jvm, arguments, requests, server.base()));
    }
    if (options.baseline() != null) {
      System.out.println("Comparing cards with " + options.baseline() + " (a second server from that jar)");
      outcomes.add(comparison.againstBaseline(options.baseline(), work, jvm, arguments, requests, server.base()));
    }
    for (var outcome : outcomes) {
      report.note(outcome.summary());
      System.out.println(outcome.summary());
    }
    return outcomes;
  }

  private static void drain(ServerProcess server, BenchReport report, String phase) throws InterruptedException {
    var waited = server.awaitIdle(Duration.ofSeconds(300));
    if (waited > 1) {
      var note = String.format("after %s the server needed %.0f s to finish requests the client had given up on "
          + "(30 s client timeout)", phase, waited);
      report.note(note);
      System.out.println(note);
    }
  }

  /** A scenario's patients and request bodies. */
  private static final class Prepared {
    final Scenario scenario;
    final List<SyntheticPatient> patients;
    List<byte[]> bodies;

    Prepared(Scenario scenario, List<SyntheticPatient> patients) {
      this.scenario = scenario;
      this.patients = patients;
    }
  }
}
