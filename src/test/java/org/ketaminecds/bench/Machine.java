package org.ketaminecds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on (Linux /proc), for the results file. */
final class Machine {

  private Machine() {}

  /** The 1-minute load average. */
  /** CPU time a process has used so far, in milliseconds (NaN where the platform does not say). */
  static double cpuMillis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static String describe() {
    return String.format("%d cores (%s), %.1f GiB memory, JDK %s (%s), %s %s",
        Runtime.getRuntime().availableProcessors(), cpu(), memoryGib(), System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
  }

  private static String cpu() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static double memoryGib() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
    } catch (IOException e) {
      return 0;
    }
  }
}
