package org.ketaminecds.invocation;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Admission control by memory, before a hook call's body is read ({@link InvocationProperties#maxBodyBytesInFlight}):
 * a call reserves its declared Content-Length (a body sent without one has already been buffered by the size
 * limit filter; it reserves a nominal 1 MB) and keeps the reservation until its response is written, because its
 * parsed prefetch lives that long. A call that finds no room within {@code queueTimeout} is answered 503
 * service-busy; a body larger than the whole budget is admitted when it can have the budget to itself.
 */
@Component
class InFlightBodies {

  /** The call admitted: reads, parses, answers. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  private static final long UNDECLARED_BYTES = 1L << 20;

  private final Semaphore kilobytes;
  private final int capacityKilobytes;
  private final long timeoutNanos;

  InFlightBodies(InvocationProperties properties) {
    this.capacityKilobytes = (int) Math.min(Integer.MAX_VALUE, Math.max(1, properties.effectiveMaxBodyBytesInFlight() >> 10));
    this.kilobytes = new Semaphore(capacityKilobytes, true);
    this.timeoutNanos = properties.queueTimeout().toNanos();
  }

  <T> T admit(long contentLength, Call<T> call) throws IOException {
    long bytes = contentLength < 0 ? UNDECLARED_BYTES : contentLength;
    int permits = (int) Math.min(capacityKilobytes, Math.max(1, (bytes + 1023) >> 10));
    boolean acquired;
    try {
      acquired = kilobytes.tryAcquire(permits, timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceBusyException();
    }
    if (!acquired) {
      throw new ServiceBusyException();
    }
    try {
      return call.run();
    } finally {
      kilobytes.release(permits);
    }
  }

  /** Room left now, in bytes (for tests and diagnostics). */
  long availableBytes() {
    return (long) kilobytes.availablePermits() << 10;
  }
}
