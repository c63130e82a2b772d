package org.psybiome.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk ingestion end to end: the rows are posted through the gateway as CSV batches of 100 000
 * rows, one after another as a lab pipeline would, to a trial registered and enrolled through the
 * API; then the very same rows are COPYed by pgjdbc's CopyManager into the same table, in the same
 * run, under a trial id nobody uses, in a transaction that is rolled back.
 */
final class IngestionBenchmark {

  static final int BATCH_ROWS = 100_000;
  static final List<String> VISITS = List.of("W0", "W2", "W4", "W6", "W8", "W10", "W12", "W16");
  static final List<Integer> DAYS = List.of(0, 14, 28, 42, 56, 70, 84, 112);

  /** Never assigned by trial-service (it numbers trials by the current year). */
  static final String COPY_TRIAL_ID = "PSB-1902-000001";

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
      StringBuilder csv = new StringBuilder(120 * BATCH_ROWS).append(ResultRows.CSV_HEADER);
      for (long i = first; i < Math.min(rows, first + BATCH_ROWS); i++) {
        generator.appendCsv(csv, i);
      }
      batches.add(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
    String pipeline =
        minter.mint("bench-pipeline@" + BenchTrials.CONSORTIUM, "pipeline", BenchTrials.CONSORTIUM);
    Progress.say(
        "ingestion: posting %,d rows in %d batches through the gateway to %s",
        rows, batches.size(), trialId);
    long start = System.nanoTime();
    for (byte[] batch : batches) {
      long t = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              "POST",
              trials.gateway("/api/v1/trials/" + trialId + "/results"),
              pipeline,
              "text/csv",
              batch,
              Map.of("Idempotency-Key", UUID.randomUUID().toString()));
      Http.expect(response, 201);
      Progress.say("  batch stored in %.2f s", (System.nanoTime() - t) / 1e9);
    }
    double ingestSeconds = (System.nanoTime() - start) / 1e9;
    batches.clear();
    try (Connection biomarker = databases.biomarker()) {
      // biomarker-service adds derived results (KYN/TRP ratio, Shannon diversity) of its own
      long stored =
          Databases.count(
              biomarker,
              "SELECT count(*) FROM result r JOIN analyte a ON a.code = r.analyte_code"
                  + " WHERE r.trial_id = ? AND NOT a.derived",
              trialId);
      if (stored != rows) {
        throw new IllegalStateException(
            trialId + " has " + stored + " results stored, not " + rows);
      }
    }

    double copySeconds = copy(generator, rows);
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

  /**
   * COPY of the same rows, a batch row per 100 000 like the service, timed from the first batch row
   * to the end of the last COPY; rolled back so that nothing stays (the commit, one WAL flush, is
   * the only work left out).
   */
  private double copy(ResultRows generator, long rows) throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    List<UUID> batchIds = new ArrayList<>();
    for (long first = 0; first < rows; first += BATCH_ROWS) {
      UUID batchId = UUID.randomUUID();
      StringBuilder text = new StringBuilder(200 * BATCH_ROWS);
      for (long i = first; i < Math.min(rows, first + BATCH_ROWS); i++) {
        generator.appendCopy(text, i, COPY_TRIAL_ID, batchId.toString());
      }
      payloads.add(text.toString().getBytes(StandardCharsets.UTF_8));
      batchIds.add(batchId);
    }
    Progress.say("ingestion: COPY of the same %,d rows (baseline)", rows);
    try (Connection biomarker = databases.biomarker()) {
      biomarker.setAutoCommit(false);
      CopyManager copy = biomarker.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      try (PreparedStatement batch =
          biomarker.prepareStatement(
              "INSERT INTO batch (id, trial_id, received_at, rows, censored, unregistered,"
                  + " analytes, visits, submitted_by) VALUES (?, ?, ?, ?, 0, 0, '{}', '{}', 'bench')")) {
        for (int b = 0; b < payloads.size(); b++) {
          batch.setObject(1, batchIds.get(b));
          batch.setString(2, COPY_TRIAL_ID);
          batch.setTimestamp(3, Timestamp.from(Instant.now()));
          batch.setInt(4, BATCH_ROWS);
          batch.executeUpdate();
          copy.copyIn(
              "COPY result (" + ResultRows.COPY_COLUMNS + ") FROM STDIN",
              new java.io.ByteArrayInputStream(payloads.get(b)));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      biomarker.rollback();
      return seconds;
    }
  }
}
