package org.psybiome.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk ingestion end to end: the rows are posted through the gateway as CSV batches of 100 000
 * rows, one after another as a lab pipeline would, to a trial registered and enrolled through the
 * API; then the very same rows are COPYed into the same table in the same run ({@link
 * CopyBaseline}).
 */
final class IngestionBenchmark {

  static final int BATCH_ROWS = 100_000;
  static final List<String> VISITS = List.of("W0", "W2", "W4", "W6", "W8", "W10", "W12", "W16");
  static final List<Integer> DAYS = List.of(0, 14, 28, 42, 56, 70, 84, 112);

  private final BenchTrials trials;
  private final Databases databases;
  private final Http http;
  private final TokenMinter minter;
  private final Report report;

  IngestionBenchmark(
      BenchTrials trials, Databases databases, Http http, TokenMinter minter, Report report) {
    this.trials = trials;
    this.databases = databases;
    this.http = http;
    this.minter = minter;
    this.report = report;
  }

  void run(long rows, Path template) throws Exception {
    ResultRows generator = new ResultRows("BI", VISITS, DAYS, 42);
    int participants =
        (int) ((rows + generator.rowsPerParticipant() - 1) / generator.rowsPerParticipant());
    rows = (long) participants * generator.rowsPerParticipant();
    Progress.say("ingestion: registering a trial and enrolling %d participants", participants);
    String trialId = trials.register(template, generator.schedule(), participants);
    List<String> codes = new ArrayList<>();
    for (int p = 0; p < participants; p++) {
      codes.add(generator.participant(p));
    }
    trials.enrolAll(trialId, codes, trials.armLabels(trialId), 4);
    trials.awaitKnown(trialId, participants, Duration.ofMinutes(10));

    List<byte[]> batches = new ArrayList<>();
    for (long first = 0; first < rows; first += BATCH_ROWS) {
      batches.add(csv(generator, first, Math.min(BATCH_ROWS, rows - first)));
    }
    String pipeline =
        minter.mint("bench-pipeline@" + BenchTrials.CONSORTIUM, "pipeline", BenchTrials.CONSORTIUM);
    Progress.say(
        "ingestion: posting %,d rows in %d batches through the gateway to %s",
        rows, batches.size(), trialId);
    long start = System.nanoTime();
    for (byte[] batch : batches) {
      long t = System.nanoTime();
      trials.postBatch(trialId, pipeline, batch);
      Progress.say("  batch stored in %.2f s", (System.nanoTime() - t) / 1e9);
    }
    double ingestSeconds = (System.nanoTime() - start) / 1e9;
    batches.clear();
    long stored = trials.postedResults(trialId);
    if (stored != rows) {
      throw new IllegalStateException(trialId + " has " + stored + " results stored, not " + rows);
    }

    Progress.say("ingestion: COPY of the same %,d rows (baseline)", rows);
    double copySeconds =
        new CopyBaseline(databases)
            .secondsPerBatch(generator, 0, rows, BATCH_ROWS).stream()
                .mapToDouble(Double::doubleValue)
                .sum();
    double ingest = rows / ingestSeconds;
    double copy = rows / copySeconds;
    report.put("ingest_rows_per_s", Math.round(ingest));
    report.put("copy_rows_per_s", Math.round(copy));
    report.put("ingest_ratio", Report.round(ingest / copy, 3));
    report.meta("ingest_rows", rows);
    report.meta("ingest_batches", (rows + BATCH_ROWS - 1) / BATCH_ROWS);
    report.meta("ingest_trial", trialId);
    report.meta("ingest_seconds", Report.round(ingestSeconds, 2));
    report.meta("copy_seconds", Report.round(copySeconds, 2));
  }

  /** Rows first .. first + count - 1 as a CSV batch with its header. */
  static byte[] csv(ResultRows generator, long first, long count) {
    StringBuilder csv = new StringBuilder((int) (120 * count)).append(ResultRows.CSV_HEADER);
    for (long i = first; i < first + count; i++) {
      generator.appendCsv(csv, i);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
