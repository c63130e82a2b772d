package org.psybiome.bench;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Summaries with many results stored (10 000 000 in full mode): GETs through the gateway of random
 * (seeded trial, analyte, visit), one client, after a warm-up, in three kinds a statistician's
 * dashboard asks for in equal shares: pooled; by arm (with the comparisons: Welch, Hedges' g and
 * the baseline-adjusted ANCOVA); change from baseline by arm. Every tenth request is followed by
 * the trial's analysis table at the visit (every analyte with data, each by arm with its ANCOVA): a
 * much bigger answer, timed and reported on its own, not inside the summary percentiles.
 */
final class SummaryBenchmark {

  /** What is asked. */
  enum Kind {
    POOLED("pooled"),
    BY_ARM("by_arm"),
    CHANGE_BY_ARM("change_by_arm"),
    ANALYSIS_TABLE("analysis_table");

    final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  static final java.util.List<Kind> SUMMARY_KINDS =
      java.util.List.of(Kind.POOLED, Kind.BY_ARM, Kind.CHANGE_BY_ARM);

  /** One run: percentiles over the summaries, and p95 per kind (the analysis table's too). */
  record Figures(
      double p50Ms, double p95Ms, double p99Ms, long requests, Map<String, Double> p95MsByKind) {}

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
    report(measure(trials, warmup, requests), report);
  }

  /** The keys the report has had since issue #6, from one run. */
  static void report(Figures figures, Report report) {
    report.put("summary_p50_ms", Report.round(figures.p50Ms(), 2));
    report.put("summary_p95_ms", Report.round(figures.p95Ms(), 2));
    report.meta("summary_requests", figures.requests());
    report.meta("summary_pooled_p95_ms", figures.p95MsByKind().get(Kind.POOLED.key));
    report.meta("summary_by_arm_p95_ms", figures.p95MsByKind().get(Kind.BY_ARM.key));
    report.meta("summary_p95_ms_by_kind", figures.p95MsByKind());
    report.meta("summary_p99_ms", figures.p99Ms());
    report.meta("analysis_table_p95_ms", figures.p95MsByKind().get(Kind.ANALYSIS_TABLE.key));
  }

  Figures measure(int trials, int warmup, int requests) {
    Progress.say("summaries: %d requests after %d warm-up", requests, warmup);
    Latencies all = new Latencies();
    Map<Kind, Latencies> byKind = new EnumMap<>(Kind.class);
    for (int i = 0; i < warmup + requests; i++) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      String trial = ResultSeeder.trialId(random.nextInt(trials));
      String analyte = ResultRows.ANALYTES.get(random.nextInt(ResultRows.ANALYTES.size())).code();
      // change from baseline and the analysis table need a visit after the baseline
      String visit = ResultSeeder.VISITS.get(1 + random.nextInt(ResultSeeder.VISITS.size() - 1));
      Kind kind = SUMMARY_KINDS.get(i % SUMMARY_KINDS.size());
      long elapsed = time(path(kind, trial, analyte, visit));
      if (i >= warmup) {
        all.recordNanos(elapsed);
        byKind.computeIfAbsent(kind, k -> new Latencies()).recordNanos(elapsed);
      }
      if (i % 10 == 0) {
        long table = time(path(Kind.ANALYSIS_TABLE, trial, analyte, visit));
        if (i >= warmup) {
          byKind.computeIfAbsent(Kind.ANALYSIS_TABLE, k -> new Latencies()).recordNanos(table);
        }
      }
    }
    Map<String, Double> p95ByKind = new LinkedHashMap<>();
    byKind.forEach((kind, latencies) -> p95ByKind.put(kind.key, latencies.percentileMs(95)));
    return new Figures(
        all.percentileMs(50), all.percentileMs(95), all.percentileMs(99), all.count(), p95ByKind);
  }

  private long time(String path) {
    URI uri = gateway.resolve(path);
    long start = System.nanoTime();
    int status = http.getStatus(uri, readers.next());
    long elapsed = System.nanoTime() - start;
    if (status != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + status);
    }
    return elapsed;
  }

  static String path(Kind kind, String trial, String analyte, String visit) {
    String trialPath = "/api/v1/trials/" + trial;
    return switch (kind) {
      case POOLED -> trialPath + "/summaries/" + analyte + "?visit=" + visit + "&by=pooled";
      case BY_ARM -> trialPath + "/summaries/" + analyte + "?visit=" + visit + "&by=arm";
      case CHANGE_BY_ARM ->
          trialPath + "/summaries/" + analyte + "?visit=" + visit + "&by=arm&change=true";
      case ANALYSIS_TABLE -> trialPath + "/analysis?visit=" + visit;
    };
  }
}
