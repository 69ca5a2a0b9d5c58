package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
    return new InFlightBodies(new InvocationProperties(0, Duration.ofMillis(50), DataSize.ofMegabytes(megabytes)));
  }

  /** Starts a call with this body size that stays in progress until the test ends. */
  private void holdACallOf(InFlightBodies bodies, long bytes) throws InterruptedException {
    pool.submit(() -> bodies.admit(bytes, () -> {
      holding.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "first";
    }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void admitsCallsWhoseBodiesFitTogether() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, 3L << 20);

    assertThat(bodies.admit(900_000, () -> "second")).isEqualTo("second");
  }

  @Test
  void answersServiceBusyWhenTheBodiesInProgressLeaveNoRoomForTheQueueTimeout() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, 3L << 20);

    assertThatThrownBy(() -> bodies.admit(2L << 20, () -> "second")).isInstanceOf(ServiceBusyException.class);
  }

  @Test
  void givesTheRoomBackWhenTheCallFails() throws Exception {
    var bodies = budgetOf(4);
    assertThatThrownBy(() -> bodies.admit(3L << 20, () -> {
      throw new IOException("client went away");
    })).isInstanceOf(IOException.class);

    assertThat(bodies.availableBytes()).isEqualTo(4L << 20);
  }

  @Test
  void admitsABodyLargerThanTheWholeBudgetWhenItHasTheBudgetToItself() throws Exception {
    var bodies = budgetOf(4);

    assertThat(bodies.admit(50L << 20, () -> "huge")).isEqualTo("huge");
  }

  @Test
  void countsABodyWithoutContentLengthAsOneMegabyte() throws Exception {
    var bodies = budgetOf(4);
    holdACallOf(bodies, -1);

    assertThat(bodies.availableBytes()).isEqualTo(3L << 20);
  }

  @Test
  void defaultsTo1Over256OfTheHeapAndAtLeastOneMegabyte() {
    long expected = Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 256);
    assertThat(new InvocationProperties(0, Duration.ofSeconds(5), DataSize.ofBytes(0)).effectiveMaxBodyBytesInFlight()).isEqualTo(expected);
  }
}
