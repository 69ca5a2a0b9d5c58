package org.ketaminecds.invocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Budget kilobytes;
  private final ReentrantLock slowPath = new ReentrantLock(true);
  private final AtomicInteger readingKilobytes = new AtomicInteger();
  private final int capacityKilobytes;
  private final long timeoutNanos;
  private final long readTimeoutNanos;

  InFlightBodies(InvocationProperties properties) {
    this.capacityKilobytes = (int) Math.min(Integer.MAX_VALUE, Math.max(1, properties.effectiveMaxBodyBytesInFlight() >> 10));
    this.kilobytes = new Budget(capacityKilobytes);
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

  /**
   * The room one call holds, in kilobytes, grown as its body arrives. Room that is free is simply taken. When there is
   * none, the reader waits, one reader at a time (the others queue for that turn): for calls whose bodies are complete
   * to finish, or, when readers whose bodies are still arriving hold room, it overdraws the budget by what it needs.
   * Without that, readers that each hold part of the budget and each wait for more would wait for one another until
   * the queue timeout (64 concurrent typical bodies, or 8 heavy ones, were answered 503 after 5 s). The reader whose
   * turn it is keeps it until its body is complete; it borrows at once, without polling, and only while nothing else
   * is lent, so the bodies in flight stay within the budget plus one body (at most twice the budget).
   */
  private final class Reservation {

    private int held;
    private int borrowed; // of held, what this call borrowed beyond the budget
    private boolean reading = true;
    private boolean turn;

    void cover(long bytes) {
      int needed = permits(bytes);
      if (needed <= held) {
        return;
      }
      int more = needed - held;
      if (!turn && kilobytes.tryAcquire(more)) {
        grow(more);
        return;
      }
      long deadline = System.nanoTime() + timeoutNanos;
      try {
        if (!turn) {
          if (!slowPath.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new ServiceBusyException();
          }
          turn = true;
        }
        while (!kilobytes.tryAcquire(more)) {
          // the room is held by bodies that cannot arrive before this one: borrow it at once (a poll per chunk here
          // cost 10 ms per 64 KB, and heavy bodies at 8 concurrent waited out the queue timeout), but only while
          // nothing is lent to another call: one body's debt at a time, so the bodies in flight stay within the budget
          // plus one body (lending up to the budget again let 64 typical calls fill a 512 MB heap and collect it)
          if (readingKilobytes.get() - held > 0 && kilobytes.availablePermits() + borrowed >= 0) {
            kilobytes.overdraw(more);
            borrowed += more;
            break;
          }
          if (kilobytes.tryAcquire(more, POLL_NANOS, TimeUnit.NANOSECONDS)) {
            break; // calls in progress gave room back
          }
          if (System.nanoTime() - deadline > 0) {
            throw new ServiceBusyException();
          }
        }
        grow(more);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceBusyException();
      }
    }

    private void grow(int more) {
      held += more;
      readingKilobytes.addAndGet(more);
    }

    /** The body is complete: keep room for its size only, and give the slow-path turn back. */
    void trimTo(long bytes) {
      int needed = permits(bytes);
      if (needed < held) {
        kilobytes.release(held - needed);
        readingKilobytes.addAndGet(needed - held);
        held = needed;
      }
      doneReading();
    }

    void releaseAll() {
      doneReading();
      kilobytes.release(held);
      held = 0;
    }

    private void doneReading() {
      if (reading) {
        reading = false;
        readingKilobytes.addAndGet(-held);
      }
      if (turn) {
        turn = false;
        slowPath.unlock();
      }
    }

    private int permits(long bytes) {
      return (int) Math.min(capacityKilobytes, Math.max(1, (bytes + 1023) >> 10));
    }
  }

  /** A semaphore that can lend beyond its permits (available permits go negative until the borrower releases). */
  private static final class Budget extends Semaphore {

    Budget(int permits) {
      super(permits, true);
    }

    void overdraw(int permits) {
      reducePermits(permits);
    }
  }
}
