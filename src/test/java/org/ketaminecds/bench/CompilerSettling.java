package org.ketaminecds.bench;

import java.time.Duration;

/**
 * Warm-up until the JIT compiler has settled. A fixed warm-up leaves C2 still compiling the engine, the parser and
 * the database for minutes on 2 cores, and that compile time lands in the measured phase's server CPU (up to half
 * of it at 1 concurrent): the figure then measures how far the compiler had got, not what a call costs a server
 * that has been up for an hour. So after the fixed warm-up, {@link #settle} runs rounds of load until the compiler
 * threads use less than {@link #SETTLED_SHARE} of the server's CPU in a round, or {@code limit} has passed; the
 * report says how long that took and what share was left, and every row still shows the compiler's part of its
 * server CPU.
 */
final class CompilerSettling {

  /** A round counts as settled when the compiler threads used less than this share of the server's CPU. */
  static final double SETTLED_SHARE = 0.05;

  private static final Duration ROUND = Duration.ofSeconds(5);

  /** What the settling did: how long, how many rounds, and the compiler's share in the last round. */
  record Outcome(double seconds, int rounds, double lastShare, boolean settled) {
    String describe() {
      return String.format("%s after %.0f s (%d rounds; compiler %.0f%% of server CPU in the last round)",
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
    while (rounds == 0 || System.nanoTime() - started < limit.toNanos()) {
      double cpu = server.cpuMillis();
      double compiler = server.compilerCpuMillis();
      round.run(ROUND);
      rounds++;
      share = (server.compilerCpuMillis() - compiler) / Math.max(1, server.cpuMillis() - cpu);
      if (Double.isNaN(share) || share < SETTLED_SHARE) {
        break; // NaN: no /proc here, so nothing to wait for
      }
    }
    return new Outcome((System.nanoTime() - started) / 1e9, rounds, share, share < SETTLED_SHARE);
  }
}
