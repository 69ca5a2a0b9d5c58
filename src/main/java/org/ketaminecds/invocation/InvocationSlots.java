package org.ketaminecds.invocation;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Admission control for the CPU-bound step of hook calls, CQL evaluation ({@link InvocationProperties}): at most
 * {@code maxConcurrent} evaluate at once, first come first served; a call that cannot get a slot within {@code
 * queueTimeout} fails with {@link ServiceBusyException}. Without it an overloaded service evaluates every call at
 * once, each holding its engine state while the CPU is shared, and the heap fills up (measured: 133 calls in flight,
 * old generation 96% of 512 MB). Fetching from the EHR holds no slot, so a slow EHR cannot starve other calls.
 */
@Component
@EnableConfigurationProperties(InvocationProperties.class)
class InvocationSlots {

  private final Semaphore slots;
  private final long timeoutNanos;

  InvocationSlots(InvocationProperties properties) {
    this.slots = new Semaphore(properties.effectiveMaxConcurrent(), true);
    this.timeoutNanos = properties.queueTimeout().toNanos();
  }

  <T> T run(Supplier<T> call) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceBusyException();
    }
    if (!acquired) {
      throw new ServiceBusyException();
    }
    try {
      return call.get();
    } finally {
      slots.release();
    }
  }
}
