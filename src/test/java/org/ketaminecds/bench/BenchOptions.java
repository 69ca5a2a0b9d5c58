package org.ketaminecds.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of {@link BenchDriver}: {@code --jar PATH} (required), {@code --out FILE} (Markdown
 * results), {@code --quick} (smoke: 2 patients per scenario, a few requests, levels 1 and 8), {@code --scenarios
 * a,b}, {@code --concurrency 1,8,64}, {@code --profile SCENARIO} (JFR during a separate 8-concurrent phase; {@code SCENARIO:64} for another level), {@code
 * --profile-startup}, {@code --jvm "OPTS"} (server JVM options), {@code --fhir-delay MS}, {@code --no-compare} (skip
 * the cards comparison with the resource filter off, {@link CardsComparison}), {@code --compare-only} (only that
 * comparison, no load), {@code --baseline JAR} (also compare every patient's cards with a server
 * started from that jar, e.g. main's before a content refactor; with {@code --compare-only --no-compare}, only that),
 * {@code --settle SECONDS} (how long each warm-up may wait for the JIT compiler to
 * settle, {@link CompilerSettling}; default 90).
 */
record BenchOptions(Path jar, Path out, boolean quick, List<Scenario> scenarios, int[] concurrency, String profile,
    int profileConcurrency, boolean profileStartup, List<String> jvm, int fhirDelayMillis, String command,
    boolean compareCards, boolean compareOnly, Duration settleLimit, Path baseline) {

  /** The server's JVM options when --jvm is not given: the heap the issue budgets, nothing else. */
  static final String DEFAULT_JVM = "-Xms512m -Xmx512m";

  record Bound(int requests, Duration time) {}

  static BenchOptions parse(String[] args) {
    Path jar = null;
    Path out = null;
    boolean quick = false;
    List<Scenario> scenarios = Scenario.ALL;
    int[] concurrency = null;
    String profile = null;
    int profileConcurrency = 8;
    boolean profileStartup = false;
    String jvm = DEFAULT_JVM;
    int delay = 20;
    boolean compare = true;
    boolean compareOnly = false;
    Duration settle = Duration.ofSeconds(90);
    Path baseline = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--jar" -> jar = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--scenarios" -> {
          var names = List.of(args[++i].split(","));
          scenarios = Scenario.ALL.stream().filter(s -> names.contains(s.name())).toList();
        }
        case "--concurrency" -> concurrency = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--profile" -> {
          var named = args[++i].split(":", 2);
          profile = named[0];
          profileConcurrency = named.length > 1 ? Integer.parseInt(named[1]) : 8;
        }
        case "--profile-startup" -> profileStartup = true;
        case "--jvm" -> jvm = args[++i];
        case "--fhir-delay" -> delay = Integer.parseInt(args[++i]);
        case "--no-compare" -> compare = false;
        case "--compare-only" -> compareOnly = true;
        case "--baseline" -> baseline = Path.of(args[++i]);
        case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(args[++i]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (jar == null) {
      throw new IllegalArgumentException("--jar is required");
    }
    if (concurrency == null) {
      concurrency = quick ? new int[] {1, 8} : new int[] {1, 8, 64};
    }
    var jvmOptions = new ArrayList<>(List.of(jvm.trim().split("\\s+")));
    if (profileStartup) {
      jvmOptions.add("-XX:StartFlightRecording=name=startup,settings=profile");
    }
    var shown = new ArrayList<String>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--out")) {
        i++; // bench/run adds it
      } else {
        shown.add(args[i]);
      }
    }
    var command = String.join(" ", "bench/run", String.join(" ", shown)).trim();
    return new BenchOptions(jar, out, quick, scenarios, concurrency, profile, profileConcurrency, profileStartup,
        List.copyOf(jvmOptions), delay, command, compare || (compareOnly && baseline == null), compareOnly, settle,
        baseline);
  }

  int warmUp() {
    return quick ? 30 : 3000;
  }

  /** How long a measured phase may run: whichever of count and time comes first. */
  Bound bound(int concurrency) {
    if (quick) {
      return new Bound(60, Duration.ofSeconds(5));
    }
    return switch (concurrency) {
      case 1 -> new Bound(3000, Duration.ofSeconds(15));
      case 8 -> new Bound(12000, Duration.ofSeconds(20));
      default -> new Bound(24000, Duration.ofSeconds(25));
    };
  }

  List<String> serverJvm() {
    return jvm;
  }

  String setup() {
    return "- Server: the packaged jar, JVM options `" + String.join(" ", jvm) + "`, security ON (RS384 client JWT "
        + "verified on every call, replay cache sized for the run), profile `prod`, audit and cards stored in a fresh "
        + "embedded H2 (the default store), default application.yml otherwise.\n"
        + "- Client: Java HttpClient (HTTP/1.1, keep-alive) on a fixed thread pool per concurrency level, closed "
        + "loop, same JVM as the stub FHIR server; tokens signed before each phase.\n"
        + "- Each scenario: warm-up of up to " + warmUp() + " requests at 8 concurrent, then more rounds of 5 s until "
        + "the JIT compiler threads use less than 5% of the server's CPU over three rounds (at most " + settleLimit().toSeconds()
        + " s; the notes say how long each took); each level: 50 more, then "
        + "the measured phase bounded by count and time (1: " + bound(1) + "; 8: " + bound(8) + "; 64: "
        + bound(64) + ").";
  }
}
