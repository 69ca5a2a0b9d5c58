package org.ketaminecds.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code concurrency} threads (a fixed pool) each send one request, wait for the answer, and
 * send the next, cycling through the prepared bodies, until {@code maxRequests} were sent or {@code maxTime}
 * passed. Latency is measured around {@link HttpClient#send} on loopback. A response counts as an error unless
 * it is 200 with a {@code cards} array.
 */
final class LoadRun {

  /** What one phase measured; latencies in milliseconds. */
  record Outcome(int requests, int errors, double seconds, double[] sortedMillis, Map<String, Integer> errorKinds,
      int cardsInFirstResponse) {

    double perSecond() {
      return requests / seconds;
    }

    double percentile(double p) {
      if (sortedMillis.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
      return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, index))];
    }
  }

  private final HttpClient http;
  private final URI uri;
  private final List<byte[]> bodies;

  LoadRun(HttpClient http, URI uri, List<byte[]> bodies) {
    this.http = http;
    this.uri = uri;
    this.bodies = List.copyOf(bodies);
  }

  /** One bounded phase; {@code tokens} must hold at least {@code maxRequests} (one JWT per request). */
  Outcome run(int concurrency, int maxRequests, Duration maxTime, String[] tokens) throws InterruptedException {
    var latencies = new long[maxRequests];
    var next = new AtomicInteger();
    var done = new AtomicInteger();
    var errors = new AtomicInteger();
    var errorKinds = new ConcurrentHashMap<String, Integer>();
    var cards = new AtomicLong(-1);
    var pool = Executors.newFixedThreadPool(concurrency);
    long started = System.nanoTime();
    long stopAt = started + maxTime.toNanos();
    for (int t = 0; t < concurrency; t++) {
      pool.execute(() -> {
        for (int i = next.getAndIncrement(); i < maxRequests && System.nanoTime() < stopAt;
            i = next.getAndIncrement()) {
          var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json").header("Accept", "application/json")
              .header("Authorization", "Bearer " + tokens[i])
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size()))).build();
          long sent = System.nanoTime();
          String kind;
          try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            kind = response.statusCode() == 200 && response.body().contains("\"cards\"")
                ? null : "HTTP " + response.statusCode();
            if (kind == null && cards.get() < 0) {
              cards.compareAndSet(-1, count(response.body(), "\"indicator\""));
            }
          } catch (IOException e) {
            kind = e.getClass().getSimpleName();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          latencies[i] = System.nanoTime() - sent;
          done.incrementAndGet();
          if (kind != null) {
            errors.incrementAndGet();
            errorKinds.merge(kind, 1, Integer::sum);
          }
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(maxTime.toSeconds() + 60, TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int count = done.get();
    var millis = Arrays.stream(latencies, 0, Math.min(maxRequests, next.get())).filter(l -> l > 0)
        .mapToDouble(l -> l / 1e6).sorted().toArray();
    return new Outcome(count, errors.get(), seconds, millis, Map.copyOf(errorKinds), (int) cards.get());
  }

  private static long count(String text, String needle) {
    long count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
