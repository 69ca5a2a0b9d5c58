package org.ketaminecds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service under test in its own JVM, started from the packaged jar exactly as in production ({@code java
 * -jar}): time to readiness, resident memory and heap in use, JFR recordings through jcmd, and a graceful stop.
 */
final class ServerProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int port;
  private final int managementPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final long startedNanos;

  private ServerProcess(Process process, int port, int managementPort, long startedNanos) {
    this.managementPort = managementPort;
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  static ServerProcess start(Path jar, Path workDir, List<String> jvmOptions, List<String> arguments)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--cds.security.public-base-url=http://127.0.0.1:" + port,
        // production serves the actuator on its own loopback port (8081): a free one, as two servers may run; the
        // heap sampler and the idle wait read its metrics there
        "--management.server.port=" + managementPort,
        // the load posts the same generated patients again and again and CardsComparison compares two servers'
        // answers: a reminder left out as a repeat would make answers depend on what was posted before
        "--cds.cards.reminders.suppress-repeats=false"));
    command.addAll(arguments);
    var log = workDir.resolve("server.log");
    var started = System.nanoTime();
    var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ServerProcess(process, port, managementPort, started);
  }

  /** Waits for readiness UP ({@code /readyz} on the service port); returns seconds from process start. */
  double awaitReady(Duration timeout) throws InterruptedException {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + " before it was ready");
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(base() + "/readyz"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("server not ready after " + timeout);
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the server process has used so far (all threads: request handling, JIT, GC), in milliseconds. */
  double cpuMillis() {
    return Machine.cpuMillis(process.toHandle());
  }

  /** CPU time the server's JIT compiler threads have used so far, in milliseconds (part of {@link #cpuMillis}). */
  double compilerCpuMillis() {
    return Machine.compilerCpuMillis(pid());
  }

  /** Resident set size in MiB, from /proc (Linux). */
  double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      // process gone
    }
    return Double.NaN;
  }

  /** Heap in use in MiB (Micrometer's jvm.memory.used, area heap). */
  private String management() {
    return "http://127.0.0.1:" + managementPort;
  }

  double heapUsedMb() {
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(
          management() + "/actuator/metrics/jvm.memory.used?tag=area:heap")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body()).get("measurements").get(0).get("value").asDouble() / (1024 * 1024);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Double.NaN;
    }
  }

  /**
   * Waits until the server has no request in progress (Micrometer's http.server.requests.active; the metrics
   * call itself counts one): requests the client gave up on keep running on the server and would slow the next
   * phase down. Returns the seconds waited.
   */
  double awaitIdle(Duration timeout) throws InterruptedException {
    var started = System.nanoTime();
    var deadline = started + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(
            management() + "/actuator/metrics/http.server.requests.active")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          break;
        }
        var active = 0.0;
        for (var measurement : JSON.readTree(response.body()).get("measurements")) {
          if (measurement.get("statistic").asText().equals("ACTIVE_TASKS")) {
            active = measurement.get("value").asDouble();
          }
        }
        if (active <= 1) {
          break;
        }
      } catch (IOException | RuntimeException e) {
        break;
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  void jcmd(String... arguments) throws IOException, InterruptedException {
    var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid())));
    command.addAll(List.of(arguments));
    var jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed: " + output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: graceful shutdown
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
