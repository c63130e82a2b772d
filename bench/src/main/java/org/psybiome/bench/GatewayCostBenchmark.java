package org.psybiome.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the gateway adds: the same GET of a registered trial, with the same token, sent straight to
 * trial-service and through the gateway. One client, the two interleaved in random order pair by
 * pair so that drift of the machine hits both alike: p50 and p99 of each, the difference is what
 * the gateway adds. Then 32 clients for a fixed time, direct and gateway phases alternated twice:
 * the ratio of completed requests per second.
 */
final class GatewayCostBenchmark {

  static final int CLIENTS = 32;

  private final Http http;
  private final TokenPool tokens;
  private final Report report;

  GatewayCostBenchmark(Http http, TokenPool tokens, Report report) {
    this.http = http;
    this.tokens = tokens;
    this.report = report;
  }

  void run(URI direct, URI viaGateway, int warmup, int pairs, int phaseSeconds) throws Exception {
    Progress.say("gateway: warm-up, %d requests each way", warmup);
    for (int i = 0; i < warmup; i++) {
      timed(direct, tokens.next());
      timed(viaGateway, tokens.next());
    }
    Progress.say("gateway: %d interleaved pairs, 1 client", pairs);
    Latencies directLatency = new Latencies();
    Latencies gatewayLatency = new Latencies();
    for (int i = 0; i < pairs; i++) {
      String token = tokens.next();
      if (ThreadLocalRandom.current().nextBoolean()) {
        directLatency.recordNanos(timed(direct, token));
        gatewayLatency.recordNanos(timed(viaGateway, token));
      } else {
        gatewayLatency.recordNanos(timed(viaGateway, token));
        directLatency.recordNanos(timed(direct, token));
      }
    }
    double p50 = gatewayLatency.percentileMs(50) - directLatency.percentileMs(50);
    double p99 = gatewayLatency.percentileMs(99) - directLatency.percentileMs(99);

    Progress.say("gateway: %d clients, 4 phases of %d s", CLIENTS, phaseSeconds);
    long directCount = 0;
    long gatewayCount = 0;
    for (int round = 0; round < 2; round++) {
      directCount += load(direct, phaseSeconds);
      gatewayCount += load(viaGateway, phaseSeconds);
    }
    double directRps = directCount / (2.0 * phaseSeconds);
    double gatewayRps = gatewayCount / (2.0 * phaseSeconds);

    report.put("gateway_p50_added_ms", Report.round(p50, 3));
    report.put("gateway_p99_added_ms", Report.round(p99, 3));
    report.put("gateway_throughput_ratio", Report.round(gatewayRps / directRps, 3));
    report.meta("gateway_request", "GET /api/v1/trials/{id} with a reader token");
    report.meta("gateway_direct_p50_ms", directLatency.percentileMs(50));
    report.meta("gateway_direct_p99_ms", directLatency.percentileMs(99));
    report.meta("gateway_via_p50_ms", gatewayLatency.percentileMs(50));
    report.meta("gateway_via_p99_ms", gatewayLatency.percentileMs(99));
    report.meta("gateway_pairs", pairs);
    report.meta("gateway_direct_rps_32", Math.round(directRps));
    report.meta("gateway_via_rps_32", Math.round(gatewayRps));
  }

  private long timed(URI uri, String token) {
    long start = System.nanoTime();
    int status = http.getStatus(uri, token);
    long elapsed = System.nanoTime() - start;
    if (status != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + status);
    }
    return elapsed;
  }

  /** Requests completed with 200 by {@link #CLIENTS} closed-loop clients in {@code seconds}. */
  private long load(URI uri, int seconds) throws InterruptedException {
    AtomicLong completed = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Thread client =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline) {
                  if (http.getStatus(uri, tokens.next()) == 200) {
                    completed.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " requests to " + uri + " failed under load");
    }
    return completed.get();
  }
}
