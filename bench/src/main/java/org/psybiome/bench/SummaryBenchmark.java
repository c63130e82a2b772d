package org.psybiome.bench;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Summaries with many results stored (10 000 000 in full mode): GETs through the gateway of random
 * (seeded trial, analyte, visit), half pooled and half by arm, one client, after a warm-up.
 */
final class SummaryBenchmark {

  private final Http http;
  private final TokenPool readers;
  private final URI gateway;
  private final Report report;

  SummaryBenchmark(Http http, TokenPool readers, URI gateway, Report report) {
    this.http = http;
    this.readers = readers;
    this.gateway = gateway;
    this.report = report;
  }

  void run(int trials, int warmup, int requests) {
    Progress.say("summaries: %d requests after %d warm-up", requests, warmup);
    Latencies all = new Latencies();
    Latencies pooled = new Latencies();
    Latencies byArm = new Latencies();
    for (int i = 0; i < warmup + requests; i++) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String trial = ResultSeeder.trialId(random.nextInt(trials));
      String analyte = ResultRows.ANALYTES.get(random.nextInt(ResultRows.ANALYTES.size())).code();
      String visit = ResultSeeder.VISITS.get(random.nextInt(ResultSeeder.VISITS.size()));
      boolean arm = random.nextBoolean();
      URI uri =
          gateway.resolve(
              "/api/v1/trials/"
                  + trial
                  + "/summaries/"
                  + analyte
                  + "?visit="
                  + visit
                  + "&by="
                  + (arm ? "arm" : "pooled"));
      long start = System.nanoTime();
      int status = http.getStatus(uri, readers.next());
      long elapsed = System.nanoTime() - start;
      if (status != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + status);
      }
      if (i >= warmup) {
        all.recordNanos(elapsed);
        (arm ? byArm : pooled).recordNanos(elapsed);
      }
    }
    report.put("summary_p50_ms", Report.round(all.percentileMs(50), 2));
    report.put("summary_p95_ms", Report.round(all.percentileMs(95), 2));
    report.meta("summary_requests", all.count());
    report.meta("summary_pooled_p95_ms", pooled.percentileMs(95));
    report.meta("summary_by_arm_p95_ms", byArm.percentileMs(95));
    report.meta("summary_p99_ms", all.percentileMs(99));
  }
}
