package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class InFlightBodiesTests {

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    pool.shutdownNow();
  }

  private static InFlightBodies budgetOf(int megabytes) {
    return budgetOf(megabytes, Duration.ofSeconds(10));
  }

  private static InFlightBodies budgetOf(int megabytes, Duration readTimeout) {
    return new InFlightBodies(new InvocationProperties(0, Duration.ofMillis(50), DataSize.ofMegabytes(megabytes),
        readTimeout));
  }

  private static InputStream bytes(long length) {
    return new ByteArrayInputStream(new byte[(int) length]);
  }

  /** Starts a call with this body size that stays in progress until the test ends. */
  private void holdACallOf(InFlightBodies bodies, long bytes) throws InterruptedException {
    pool.submit(() -> bodies.admit(bytes(Math.max(0, bytes)), bytes, body -> {
      holding.countDown();
      await(release);
      return "first";
    }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void bodiesArrivingTogetherThatEachHoldPartOfTheBudgetAreAllAdmittedNotLeftWaitingForOneAnother() throws Exception {
    // 1 MB budget, four 900 KB bodies arriving side by side (each in about 0.1 s): each soon holds part of the budget
    // and needs more; the queue timeout (2 s) is far longer than any body takes to arrive
    var bodies = new InFlightBodies(new InvocationProperties(0, Duration.ofSeconds(2), DataSize.ofMegabytes(1),
        Duration.ofSeconds(10)));
    var readers = Executors.newFixedThreadPool(4);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 4; i++) {
        answers.add(readers.submit(() -> bodies.admit(trickle(900_000), 900_000, body -> "read " + body.length)));
      }
      for (var answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("read 900000");
      }
      assertThat(bodies.availableBytes()).isEqualTo(1L << 20);
    } finally {
      readers.shutdownNow();
    }
  }

  @Test
  void bodiesLargerThanTheBudgetArrivingTogetherAreAdmittedInTurnNotLeftWaitingUntilTheQueueTimeout() throws Exception {
    // 1 MB budget, eight clients each sending 1.6 MB bodies back to back (bench order-sign-heavy at 8 concurrent:
    // 3.2 MB bodies, 2 MB budget): each call may have the budget to itself, so they go one after another. A body
    // takes about 0.2 s to arrive, so a call waits about 1.5 s for the seven before it; the queue timeout (10 s) leaves
    // room for a loaded CI machine (at 2 s this failed once with the cores busy) yet still ends a call left waiting
    var bodies = new InFlightBodies(new InvocationProperties(0, Duration.ofSeconds(10), DataSize.ofMegabytes(1),
        Duration.ofSeconds(10)));
    var clients = Executors.newFixedThreadPool(8);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 8; i++) {
        answers.add(clients.submit(() -> {
          int answered = 0;
          for (int call = 0; call < 3; call++) {
            answered += bodies.admit(trickle(1_600_000), 1_600_000, body -> {
              sleep(); // the call's evaluation
              return body.length == 1_600_000 ? 1 : 0;
            });
          }
          return answered;
        }));
      }
      for (var answer : answers) {
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(3);
      }
      assertThat(bodies.availableBytes()).isEqualTo(1L << 20);
    } finally {
      clients.shutdownNow();
    }
  }

  /** A body that arrives 16 KB at a time, 2 ms apart (so that concurrent bodies interleave). */
  private static InputStream trickle(int length) {
    return new InputStream() {
      private int sent;

      @Override
      public int read() {
        return sent < length ? (sent++ & 0) : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int wanted) {
        if (sent >= length) {
          return -1;
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        int n = Math.min(Math.min(wanted, 16 * 1024), length - sent);
        sent += n;
        return n;
      }
    };
  }

  @Test
  void admitsCallsWhoseBodiesFitTogether() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, 3L << 20);

    String answer = bodies.admit(bytes(900_000), 900_000, body -> "second " + body.length);

    assertThat(answer).isEqualTo("second 900000");
  }

  @Test
  void answersServiceBusyWhenTheBodiesInProgressLeaveNoRoomForTheQueueTimeout() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, 3L << 20);

    assertThatThrownBy(() -> bodies.admit(bytes(2L << 20), 2L << 20, body -> "second"))
        .isInstanceOf(ServiceBusyException.class);
  }

  @Test
  void givesTheRoomBackWhenTheCallFails() throws Exception {
    var bodies = budgetOf(4);
    assertThatThrownBy(() -> bodies.admit(bytes(3L << 20), 3L << 20, body -> {
      throw new IOException("client went away");
    })).isInstanceOf(IOException.class);

    assertThat(bodies.availableBytes()).isEqualTo(4L << 20);
  }

  @Test
  void admitsABodyLargerThanTheWholeBudgetWhenItHasTheBudgetToItself() throws Exception {
    var bodies = budgetOf(4);

    Integer length = bodies.admit(bytes(50L << 20), 50L << 20, body -> body.length);

    assertThat(length).isEqualTo(50 << 20);
  }

  @Test
  void countsABodyWithoutContentLengthByWhatArrives() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, -1);

    assertThat(bodies.availableBytes()).isEqualTo((4L << 20) - 1024);
  }

  /** Issue 13, item 3: a body that declares 15 MB and has sent 10 bytes holds about 64 KB, not the budget others need. */
  @Test
  void aBodyThatHasNotArrivedHoldsOnlyWhatItSentNotWhatItDeclared() throws Exception {
    var bodies = budgetOf(4);
    var stalled = new StalledBody(10);
    pool.submit(() -> bodies.admit(stalled, 15L << 20, body -> "slow"));
    assertThat(stalled.blocked.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(bodies.availableBytes()).isGreaterThanOrEqualTo((4L << 20) - (128 << 10));
    String other = bodies.admit(bytes(3L << 20), 3L << 20, body -> "other call");
    assertThat(other).isEqualTo("other call");
    stalled.release.countDown();
  }

  /** Issue 13, item 3: a body that trickles in longer than the read timeout is cut: 408. */
  @Test
  void cutsABodyThatTakesLongerThanTheReadTimeout() {
    var bodies = budgetOf(4, Duration.ofMillis(1));
    var trickle = new InputStream() {
      @Override
      public int read() {
        sleep();
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        sleep();
        b[off] = 'x';
        return 1;
      }
    };

    assertThatThrownBy(() -> bodies.admit(trickle, 1000, body -> "never")).isInstanceOf(BodyReadTimeoutException.class);
    assertThat(bodies.availableBytes()).isEqualTo(4L << 20);
  }

  @Test
  void aSocketReadTimeoutIsA408Too() {
    var bodies = budgetOf(4);
    var silent = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new SocketTimeoutException("read timed out");
      }
    };

    assertThatThrownBy(() -> bodies.admit(silent, 100, body -> "never")).isInstanceOf(BodyReadTimeoutException.class);
  }

  @Test
  void timeWaitingForRoomIsQueueTimeNotBodyReadTime() throws Exception {
    // read timeout 100 ms, queue timeout 2 s: a call that waits 400 ms for room (others' bodies) is not a slow body
    var bodies = new InFlightBodies(new InvocationProperties(0, Duration.ofSeconds(2), DataSize.ofMegabytes(1),
        Duration.ofMillis(100)));
    holdACallOf(bodies, 1L << 20);
    var freeing = Executors.newSingleThreadScheduledExecutor();
    try {
      freeing.schedule(release::countDown, 400, TimeUnit.MILLISECONDS);

      String answer = bodies.admit(bytes(200_000), 200_000, body -> "admitted " + body.length);

      assertThat(answer).isEqualTo("admitted 200000");
    } finally {
      freeing.shutdownNow();
    }
  }

  @Test
  void defaultsTo1Over256OfTheHeapAndAtLeastOneMegabyte() {
    long expected = Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 256);
    assertThat(new InvocationProperties(0, Duration.ofSeconds(5), DataSize.ofBytes(0), Duration.ofSeconds(10))
        .effectiveMaxBodyBytesInFlight()).isEqualTo(expected);
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends {@code sent} bytes, then blocks until released, as a client trickling its body. */
  private static final class StalledBody extends InputStream {

    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private int sent;

    StalledBody(int sent) {
      this.sent = sent;
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent > 0) {
        int n = Math.min(sent, len);
        sent -= n;
        return n;
      }
      blocked.countDown();
      await(release);
      return -1;
    }
  }
}
