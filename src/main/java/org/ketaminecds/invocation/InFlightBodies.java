package org.ketaminecds.invocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Admission control by memory for request bodies, hook calls and feedback alike
 * ({@link InvocationProperties#maxBodyBytesInFlight}): the bodies of the calls in progress add up to at most the
 * budget, and a call keeps its share until its response is written, because its parsed body lives that long.
 *
 * <p>A body reserves room as its bytes arrive (64 KB ahead of what it has sent), not what its Content-Length
 * declares: a client that declares 15 MB and sends a byte a second holds 64 KB, not the budget others need
 * (issue 13, item 3). Reading a body takes at most {@code bodyReadTimeout}; a slower body is cut and the call answered
 * 408 ({@link BodyReadTimeoutException}). A call that finds no room within {@code queueTimeout} is answered 503
 * service-busy; a body larger than the whole budget is admitted when it can have the budget to itself.
 */
@Component
@EnableConfigurationProperties(InvocationProperties.class)
public class InFlightBodies {

  /** What the admitted call does with its body: parse it and answer. */
  @FunctionalInterface
  public interface Call<T> {
    T run(byte[] body) throws IOException;
  }

  private static final int CHUNK = 64 * 1024;

  private final Semaphore kilobytes;
  private final int capacityKilobytes;
  private final long timeoutNanos;
  private final long readTimeoutNanos;

  InFlightBodies(InvocationProperties properties) {
    this.capacityKilobytes = (int) Math.min(Integer.MAX_VALUE, Math.max(1, properties.effectiveMaxBodyBytesInFlight() >> 10));
    this.kilobytes = new Semaphore(capacityKilobytes, true);
    this.timeoutNanos = properties.queueTimeout().toNanos();
    this.readTimeoutNanos = properties.bodyReadTimeout().toNanos();
  }

  /**
   * Reads {@code body} (at most {@code contentLength} bytes when it is declared, i.e. not negative) within the budget
   * and the read timeout, then runs {@code call} with it; the room is given back when the call returns or fails.
   *
   * @throws ServiceBusyException     no room within the queue timeout
   * @throws BodyReadTimeoutException the body took longer than the read timeout
   */
  public <T> T admit(InputStream body, long contentLength, Call<T> call) throws IOException {
    var reservation = new Reservation();
    try {
      return call.run(read(body, contentLength, reservation));
    } finally {
      reservation.releaseAll();
    }
  }

  private byte[] read(InputStream in, long contentLength, Reservation reservation) throws IOException {
    long deadline = System.nanoTime() + readTimeoutNanos;
    var out = new ByteArrayOutputStream(contentLength > 0 ? (int) Math.min(contentLength, CHUNK) : 1024);
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    while (contentLength < 0 || total < contentLength) {
      int want = contentLength < 0 ? CHUNK : (int) Math.min(CHUNK, contentLength - total);
      long waitStarted = System.nanoTime();
      reservation.cover(total + want);
      // waiting for room (others' bodies) is bounded by the queue timeout (503), not counted as a slow body (408)
      deadline += System.nanoTime() - waitStarted;
      int n;
      try {
        n = in.read(buffer, 0, want);
      } catch (InterruptedIOException timedOut) {
        throw new BodyReadTimeoutException();
      }
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      total += n;
      if (System.nanoTime() - deadline > 0) {
        throw new BodyReadTimeoutException();
      }
    }
    reservation.trimTo(total);
    return out.toByteArray();
  }

  /** Room left now, in bytes (for tests and diagnostics). */
  long availableBytes() {
    return (long) kilobytes.availablePermits() << 10;
  }

  /** The room one call holds, in kilobytes, grown as its body arrives. */
  private final class Reservation {

    private int held;

    void cover(long bytes) {
      int needed = permits(bytes);
      if (needed <= held) {
        return;
      }
      boolean acquired;
      try {
        acquired = kilobytes.tryAcquire(needed - held, timeoutNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceBusyException();
      }
      if (!acquired) {
        throw new ServiceBusyException();
      }
      held = needed;
    }

    void trimTo(long bytes) {
      int needed = permits(bytes);
      if (needed < held) {
        kilobytes.release(held - needed);
        held = needed;
      }
    }

    void releaseAll() {
      kilobytes.release(held);
      held = 0;
    }

    private int permits(long bytes) {
      return (int) Math.min(capacityKilobytes, Math.max(1, (bytes + 1023) >> 10));
    }
  }
}
