package org.psybiome.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion as the batch grows (issue #15: 1 000 / 10 000 / 100 000-row CSV batches), cold and
 * warm. For each batch size the gateway and biomarker-service are restarted, the first batch after
 * that is the cold figure, then {@code warmBatches} more batches of the same size give the warm
 * figure (median, min and max over the batches); the same rows are then COPYed in batches of that
 * size ({@link CopyBaseline}, same run) for the ratio. All through the gateway, one client, posted
 * one after another as a lab pipeline does, to one trial registered and enrolled through the API.
 * Written under {@code curves.ingest}, plotted to {@code plots/ingest-rows-per-s.png}.
 */
final class IngestionCurve {

  private final BenchTrials trials;
  private final Databases databases;
  private final Http http;
  private final TokenMinter minter;
  private final ServiceFootprint footprint;
  private final Report report;

  IngestionCurve(
      BenchTrials trials,
      Databases databases,
      Http http,
      TokenMinter minter,
      ServiceFootprint footprint,
      Report report) {
    this.trials = trials;
    this.databases = databases;
    this.http = http;
    this.minter = minter;
    this.footprint = footprint;
    this.report = report;
  }

  /** How many warm batches follow the cold one: enough rows to mean something, at least 3. */
  static int warmBatches(int batchRows, long warmRows) {
    return (int) Math.max(3, (warmRows + batchRows - 1) / batchRows);
  }

  void run(int[] batchSizes, long warmRows, Path template, Path plots) throws Exception {
    ResultRows generator =
        new ResultRows("BC", IngestionBenchmark.VISITS, IngestionBenchmark.DAYS, 43);
    long rows = 0;
    for (int size : batchSizes) {
      rows += (long) size * (1 + warmBatches(size, warmRows));
    }
    int participants =
        (int) ((rows + generator.rowsPerParticipant() - 1) / generator.rowsPerParticipant());
    Progress.say("ingest curve: registering a trial and enrolling %d participants", participants);
    String trialId = trials.register(template, generator.schedule(), participants);
    List<String> codes = new ArrayList<>();
    for (int p = 0; p < participants; p++) {
      codes.add(generator.participant(p));
    }
    trials.enrolAll(trialId, codes, trials.armLabels(trialId), 4);
    trials.awaitKnown(trialId, participants, Duration.ofMinutes(10));
    String pipeline =
        minter.mint("bench-pipeline@" + BenchTrials.CONSORTIUM, "pipeline", BenchTrials.CONSORTIUM);
    CopyBaseline copy = new CopyBaseline(databases);

    Map<String, Object> points = new LinkedHashMap<>();
    List<CurvePlot.Point> cold = new ArrayList<>();
    List<CurvePlot.Point> warm = new ArrayList<>();
    List<CurvePlot.Point> copied = new ArrayList<>();
    long next = 0;
    for (int size : batchSizes) {
      double load = Machine.loadAverage();
      footprint.restart("biomarker-service");
      footprint.restart("gateway");
      double coldRate = size / post(trialId, pipeline, generator, next, size);
      next += size;
      int batches = warmBatches(size, warmRows);
      double[] warmRates = new double[batches];
      long warmFirst = next;
      for (int b = 0; b < batches; b++) {
        warmRates[b] = size / post(trialId, pipeline, generator, next, size);
        next += size;
      }
      double[] copyRates =
          copy.secondsPerBatch(generator, warmFirst, (long) batches * size, size).stream()
              .mapToDouble(seconds -> size / seconds)
              .toArray();
      Map<String, Double> warmStat = LoadCurve.stat(warmRates);
      Map<String, Double> copyStat = LoadCurve.stat(copyRates);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("cold_rows_per_s", Math.round(coldRate));
      point.put("warm_rows_per_s", warmStat);
      point.put("warm_batches", batches);
      point.put("copy_rows_per_s", copyStat);
      point.put(
          "warm_to_copy_ratio", Report.round(warmStat.get("median") / copyStat.get("median"), 3));
      point.put("cold_to_copy_ratio", Report.round(coldRate / copyStat.get("median"), 3));
      point.put("load_average_at_start", load);
      points.put(Integer.toString(size), point);
      if (size == 100_000) {
        report.put("ingest_cold_rows_per_s_100k", Math.round(coldRate));
        report.put("ingest_warm_rows_per_s_100k", Math.round(warmStat.get("median")));
        report.put("ingest_warm_ratio_100k", point.get("warm_to_copy_ratio"));
      }
      String x = SizeCurve.label(size);
      cold.add(new CurvePlot.Point(x, coldRate, coldRate, coldRate));
      warm.add(CurvePlot.point(x, warmStat));
      copied.add(CurvePlot.point(x, copyStat));
      Progress.say(
          "ingest curve: %,d-row batches: cold %.0f rows/s, warm %s, COPY %s",
          size, coldRate, warmStat, copyStat);
    }
    long stored = trials.postedResults(trialId);
    if (stored != next) {
      throw new IllegalStateException(trialId + " has " + stored + " results, not " + next);
    }
    Map<String, Object> curve = new LinkedHashMap<>();
    curve.put("trial", trialId);
    curve.put("batches", points);
    report.curve("ingest", curve);
    Map<String, List<CurvePlot.Point>> series = CurvePlot.series();
    series.put("gateway, warm", warm);
    series.put("gateway, cold (1st after restart)", cold);
    series.put("COPY, same rows", copied);
    CurvePlot.write(
        plots.resolve("ingest-rows-per-s.png"),
        "CSV ingestion by batch size (warm: median of the batches, min-max bars)",
        "rows per batch",
        "rows/s",
        series);
  }

  /** Posts rows first .. first + count - 1 as one CSV batch; returns the seconds it took. */
  private double post(String trialId, String token, ResultRows generator, long first, int count) {
    byte[] batch = IngestionBenchmark.csv(generator, first, count);
    long start = System.nanoTime();
    trials.postBatch(trialId, token, batch);
    return (System.nanoTime() - start) / 1e9;
  }
}
