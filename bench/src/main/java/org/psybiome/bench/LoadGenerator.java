package org.psybiome.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The bench's own HTTP load generator, for machines without {@code wrk}: run by {@link LoadCurve}
 * in a JVM of its own, so that its threads and garbage are not the measuring process's. Closed
 * loop, one HTTP/1.1 connection per client thread, a fixed time; prints one line: {@code rps p50_ms
 * p99_ms errors}.
 *
 * <p>{@code java -cp ... org.psybiome.bench.LoadGenerator URL TOKEN CONNECTIONS SECONDS}
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    String token = args[1];
    int connections = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    ConcurrentHistogram latencies = new ConcurrentHistogram(3);
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      // a client of its own per thread: one connection each, as wrk -c
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() / 100 != 2 && response.statusCode() != 304) {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies.recordValue(System.nanoTime() - t0);
                }
              });
      thread.start();
      clients.add(thread);
    }
    for (Thread thread : clients) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "%.1f %.3f %.3f %d%n",
        latencies.getTotalCount() / elapsed,
        latencies.getValueAtPercentile(50) / 1e6,
        latencies.getValueAtPercentile(99) / 1e6,
        errors.get());
  }
}
