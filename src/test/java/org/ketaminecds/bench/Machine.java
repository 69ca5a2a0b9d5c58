package org.ketaminecds.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on (Linux /proc), for the results file. */
final class Machine {

  private Machine() {}

  /**
   * CPU time the JIT compiler threads of a process have used so far ("C1/C2 CompilerThread" in
   * /proc/PID/task/TID/stat), in milliseconds; NaN where /proc does not say. Part of {@link #cpuMillis}.
   */
  static double compilerCpuMillis(long pid) {
    double ticks = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.matches("C\\d CompilerThre.*")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return ticks * 1000.0 / 100; // USER_HZ is 100 on Linux
  }

  /** CPU time a process has used so far, in milliseconds (NaN where the platform does not say). */
  static double cpuMillis(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
  }

  /** The 1-minute load average. */
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
