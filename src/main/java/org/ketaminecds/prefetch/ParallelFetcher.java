package org.ketaminecds.prefetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the outbound FHIR calls of a hook request in parallel on a bounded pool ({@code
 * cds.fhir.max-parallel-fetches} threads shared by all requests) and never waits past the request's
 * deadline: what is not done by then is cancelled and reported as failed.
 */
@Component
class ParallelFetcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ParallelFetcher.class);

  private final ThreadPoolExecutor executor;

  ParallelFetcher(FhirClientProperties properties) {
    int threads = properties.maxParallelFetches();
    executor =
        new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads());
    executor.allowCoreThreadTimeOut(true);
  }

  /** The value, or why it could not be had (a short reason without patient data). */
  record Outcome<T>(T value, String failure) {

    boolean failed() {
      return failure != null;
    }
  }

  /** Runs every task; the result has one outcome per key, in the order of {@code tasks}. */
  <K, T> Map<K, Outcome<T>> runAll(Map<K, Callable<T>> tasks, Deadline deadline) {
    Map<K, Future<T>> futures = new LinkedHashMap<>();
    Map<K, Outcome<T>> outcomes = new LinkedHashMap<>();
    for (Map.Entry<K, Callable<T>> task : tasks.entrySet()) {
      try {
        futures.put(task.getKey(), executor.submit(task.getValue()));
      } catch (RejectedExecutionException e) {
        outcomes.put(task.getKey(), new Outcome<>(null, "service is shutting down"));
      }
    }
    for (Map.Entry<K, Future<T>> future : futures.entrySet()) {
      outcomes.put(future.getKey(), await(future.getValue(), deadline));
    }
    return outcomes;
  }

  private static <T> Outcome<T> await(Future<T> future, Deadline deadline) {
    try {
      return new Outcome<>(future.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS), null);
    } catch (TimeoutException | CancellationException e) {
      future.cancel(true);
      return new Outcome<>(null, "deadline exceeded");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new Outcome<>(null, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof FetchFailure failure) {
        return new Outcome<>(null, failure.getMessage());
      }
      // the class only: HAPI messages carry the request URL, which carries patient ids
      log.warn("Unexpected error fetching from the FHIR server: {}", e.getCause().getClass().getName());
      return new Outcome<>(null, "unexpected error");
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "fhir-fetch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
