package org.psybiome.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The floor ingestion is compared with: the same rows COPYed by pgjdbc's CopyManager into the same
 * table, a batch row per batch like the service writes, under a trial id nobody uses, in a
 * transaction that is rolled back (the commit, one WAL flush, is the only work left out). The rows
 * are rendered before the clock starts, as the service's are parsed before it inserts.
 */
final class CopyBaseline {

  /** Never assigned by trial-service (it numbers trials by the current year). */
  static final String COPY_TRIAL_ID = "PSB-1902-000001";

  private final Databases databases;

  CopyBaseline(Databases databases) {
    this.databases = databases;
  }

  /** Seconds each batch of {@code batchRows} took, for rows first .. first + rows - 1. */
  List<Double> secondsPerBatch(ResultRows generator, long first, long rows, int batchRows)
      throws Exception {
    List<byte[]> payloads = new ArrayList<>();
    List<UUID> batchIds = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (long from = first; from < first + rows; from += batchRows) {
      UUID batchId = UUID.randomUUID();
      long to = Math.min(first + rows, from + batchRows);
      StringBuilder text = new StringBuilder(200 * (int) (to - from));
      for (long i = from; i < to; i++) {
        generator.appendCopy(text, i, COPY_TRIAL_ID, batchId.toString());
      }
      payloads.add(text.toString().getBytes(StandardCharsets.UTF_8));
      batchIds.add(batchId);
      counts.add((int) (to - from));
    }
    List<Double> seconds = new ArrayList<>();
    try (Connection biomarker = databases.biomarker()) {
      biomarker.setAutoCommit(false);
      CopyManager copy = biomarker.unwrap(PGConnection.class).getCopyAPI();
      try (PreparedStatement batch =
          biomarker.prepareStatement(
              "INSERT INTO batch (id, trial_id, received_at, rows, censored, unregistered,"
                  + " analytes, visits, submitted_by) VALUES (?, ?, ?, ?, 0, 0, '{}', '{}', 'bench')")) {
        for (int b = 0; b < payloads.size(); b++) {
          long start = System.nanoTime();
          batch.setObject(1, batchIds.get(b));
          batch.setString(2, COPY_TRIAL_ID);
          batch.setTimestamp(3, Timestamp.from(Instant.now()));
          batch.setInt(4, counts.get(b));
          batch.executeUpdate();
          copy.copyIn(
              "COPY result (" + ResultRows.COPY_COLUMNS + ") FROM STDIN",
              new java.io.ByteArrayInputStream(payloads.get(b)));
          seconds.add((System.nanoTime() - start) / 1e9);
        }
      } finally {
        biomarker.rollback();
      }
    }
    return seconds;
  }
}
