package org.ketaminecds.bench;

import java.time.Duration;

/**
 * Warm-up until the JIT compiler has settled. A fixed warm-up leaves C2 still compiling the engine, the parser and
 * the database for minutes on 2 cores, and that compile time lands in the measured phase's server CPU (up to half
 * of it at 1 concurrent): the figure then measures how far the compiler had got, not what a call costs a server
 * that has been up for an hour. So after the fixed warm-up, {@link #settle} runs rounds of load until the compiler
 * threads use less than {@link #SETTLED_SHARE} of the server's CPU over the last three rounds, or {@code limit} has passed; the
 * report says how long that took and what share was left, and every row still shows the compiler's part of its
 * server CPU.
 */
final class CompilerSettling {

  /** A round counts as settled when the compiler threads used less than this share of the server's CPU. */
  static final double SETTLED_SHARE = 0.05;

  private static final Duration ROUND = Duration.ofSeconds(5);
  private static final int ROUNDS_JUDGED = 3;

  /** What the settling did: how long, how many rounds, and the compiler's share in the last round. */
  record Outcome(double seconds, int rounds, double lastShare, boolean settled) {
    String describe() {
      return String.format("%s after %.0f s (%d rounds; compiler %.0f%% of server CPU in the last rounds)",
          settled ? "settled" : "NOT settled", seconds, rounds, 100 * lastShare);
    }
  }

  /** One round of load: the caller's closed loop at the warm-up concurrency for at most {@code time}. */
  interface Round {
    void run(Duration time) throws InterruptedException;
  }

  private CompilerSettling() {}

  static Outcome settle(ServerProcess server, Duration limit, Round round) throws InterruptedException {
    long started = System.nanoTime();
    int rounds = 0;
    double share = Double.NaN;
    // the share over the last few rounds together: one quiet round between two compile bursts is not settled
    var cpu = new java.util.ArrayDeque<double[]>();
    cpu.add(new double[] {server.cpuMillis(), server.compilerCpuMillis()});
    while (rounds == 0 || System.nanoTime() - started < limit.toNanos()) {
      round.run(ROUND);
      rounds++;
      cpu.add(new double[] {server.cpuMillis(), server.compilerCpuMillis()});
      if (cpu.size() > ROUNDS_JUDGED + 1) {
        cpu.removeFirst();
      }
      double[] first = cpu.getFirst();
      double[] last = cpu.getLast();
      share = (last[1] - first[1]) / Math.max(1, last[0] - first[0]);
      if (Double.isNaN(share) || (cpu.size() == ROUNDS_JUDGED + 1 && share < SETTLED_SHARE)) {
        break; // NaN: no /proc here, so nothing to wait for
      }
    }
    return new Outcome((System.nanoTime() - started) / 1e9, rounds, share, share < SETTLED_SHARE);
  }
}
