package org.ketaminecds.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.ketaminecds.problem.ProblemTypes;

class InvocationSlotsTests {

  @Test
  void answersServiceBusyWhenEverySlotStaysTakenForTheQueueTimeout() throws Exception {
    var slots = new InvocationSlots(new InvocationProperties(1, Duration.ofMillis(50), DataSize.ofBytes(0), Duration.ofSeconds(10)));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pool = Executors.newSingleThreadExecutor();
    try {
      pool.submit(() -> slots.run(() -> {
        holding.countDown();
        await(release);
        return "first";
      }));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> slots.run(() -> "second")).isInstanceOf(ServiceBusyException.class)
          .satisfies(e -> assertThat(ProblemTypes.of(e)).contains(ProblemTypes.SERVICE_BUSY));
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  @Test
  void freesTheSlotWhenTheCallFails() {
    var slots = new InvocationSlots(new InvocationProperties(1, Duration.ofMillis(50), DataSize.ofBytes(0), Duration.ofSeconds(10)));
    assertThatThrownBy(() -> slots.run(() -> {
      throw new IllegalStateException("evaluation failed");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(slots.run(() -> "next call")).isEqualTo("next call");
  }

  @Test
  void defaultsToTwoSlotsPerProcessor() {
    assertThat(new InvocationProperties(0, Duration.ofSeconds(5), DataSize.ofBytes(0), Duration.ofSeconds(10)).effectiveMaxConcurrent())
        .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(new InvocationProperties(3, Duration.ofSeconds(5), DataSize.ofBytes(0), Duration.ofSeconds(10)).effectiveMaxConcurrent()).isEqualTo(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
