package org.psybiome.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Seeds the stored results the summary benchmark reads: trials of 1 000 participants (two arms,
 * open label) × 28 analytes × 5 visits, COPYed straight into psybiome_biomarker as its owner, with
 * what biomarker-service would have learnt of each trial from events (trial_snapshot,
 * participant_allocation). Their ids, PSB-1901-nnnnnn, are never assigned by trial-service, and
 * their consortium is the benchmark's: {@link BenchCleaner} finds and removes them.
 */
final class ResultSeeder {

  static final String PREFIX = "PSB-1901-";
  static final int PARTICIPANTS = 1000;
  static final List<String> VISITS = List.of("W0", "W4", "W8", "W12", "W24");
  static final List<Integer> DAYS = List.of(0, 28, 56, 84, 168);
  static final List<String> ARMS = List.of("Probiotic", "Placebo");
  static final List<String> ARM_CODES = List.of("PRO", "PBO");

  /**
   * As a typical trial registers them: a rating scale primary, biomarkers secondary (the analysis
   * table also analyses every other analyte with data, as not registered).
   */
  static final String OUTCOMES =
      "{\"primary\":[\"HAMD17\"],\"secondary\":[\"HSCRP\",\"IL6\",\"BUTYRATE\",\"BDNF\"]}";

  private final Databases databases;

  ResultSeeder(Databases databases) {
    this.databases = databases;
  }

  static ResultRows rows(int trial) {
    return new ResultRows("SD", VISITS, DAYS, 1000 + trial);
  }

  static String trialId(int trial) {
    return String.format("%s%06d", PREFIX, trial + 1);
  }

  static int trialsFor(long results) {
    long perTrial = (long) PARTICIPANTS * VISITS.size() * ResultRows.ANALYTES.size();
    return (int) ((results + perTrial - 1) / perTrial);
  }

  /** Seeds {@code trials} trials unless exactly those are there already; returns the row count. */
  long seed(int trials) throws Exception {
    long perTrial = (long) PARTICIPANTS * rows(0).rowsPerParticipant();
    int first;
    try (Connection db = databases.biomarker()) {
      long known =
          Databases.count(
              db, "SELECT count(*) FROM trial_snapshot WHERE trial_id LIKE ?", PREFIX + "%");
      long stored =
          Databases.count(
              db,
              "SELECT count(*) FROM batch WHERE trial_id LIKE ? AND submitted_by = 'bench-seed'",
              PREFIX + "%");
      if (known == trials && stored == trials) {
        Progress.say(
            "summaries: %d seeded trials (%,d results) are there already",
            trials, trials * perTrial);
        return trials * perTrial;
      }
      // Trials seeded completely by an earlier --keep run are kept (a --quick run seeds a prefix
      // of a full run's trials); anything else is seeded again from scratch.
      first = known == stored && known < trials ? (int) known : 0;
    }
    if (first == 0) {
      new BenchCleaner(databases).removeSeededResults();
    }
    Progress.say(
        "summaries: seeding trials %d to %d, %,d results, by COPY",
        first + 1, trials, (trials - first) * perTrial);
    long start = System.nanoTime();
    try (Connection db = databases.biomarker()) {
      db.setAutoCommit(false);
      CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
      for (int t = first; t < trials; t++) {
        seedTrial(db, copy, t);
        db.commit();
        if ((t + 1) % 10 == 0) {
          Progress.say("  %d of %d trials seeded", t + 1, trials);
        }
      }
      db.setAutoCommit(true);
      Databases.settle(db, "result", "result_specimen", "participant_allocation", "trial_snapshot");
    }
    Progress.say("summaries: seeded in %.0f s", (System.nanoTime() - start) / 1e9);
    return trials * perTrial;
  }

  private void seedTrial(Connection db, CopyManager copy, int t) throws Exception {
    String trialId = trialId(t);
    ResultRows rows = rows(t);
    try (PreparedStatement snapshot =
        db.prepareStatement(
            "INSERT INTO trial_snapshot (trial_id, consortium, status, version, masked, unblinded,"
                + " registered, visits, arms, updated_at, comparator_arm, intervention_model,"
                + " outcomes) VALUES (?, ?, 'ACTIVE_NOT_RECRUITING', 1, false, false, true,"
                + " CAST(? AS jsonb), CAST(? AS jsonb), now(), ?, 'PARALLEL', CAST(? AS jsonb))")) {
      snapshot.setString(1, trialId);
      snapshot.setString(2, BenchTrials.CONSORTIUM);
      snapshot.setString(3, BenchTrials.JSON.writeValueAsString(rows.schedule()));
      List<Object> arms = new ArrayList<>();
      arms.add(
          java.util.Map.of("code", ARM_CODES.get(0), "label", ARMS.get(0), "type", "EXPERIMENTAL"));
      arms.add(
          java.util.Map.of(
              "code", ARM_CODES.get(1), "label", ARMS.get(1), "type", "PLACEBO_COMPARATOR"));
      snapshot.setString(4, BenchTrials.JSON.writeValueAsString(arms));
      snapshot.setString(5, ARM_CODES.get(1));
      snapshot.setString(6, OUTCOMES);
      snapshot.executeUpdate();
    }
    StringBuilder allocations = new StringBuilder();
    for (int p = 0; p < PARTICIPANTS; p++) {
      allocations
          .append(trialId)
          .append('\t')
          .append(rows.participant(p))
          .append('\t')
          .append(ARMS.get(p % 2))
          .append('\t')
          .append(ARM_CODES.get(p % 2))
          .append("\t2026-01-05\n");
    }
    copy.copyIn(
        "COPY participant_allocation (trial_id, code, arm, arm_code, enrolled_on) FROM STDIN",
        new java.io.ByteArrayInputStream(allocations.toString().getBytes(StandardCharsets.UTF_8)));
    UUID batchId = UUID.randomUUID();
    long count = (long) PARTICIPANTS * rows.rowsPerParticipant();
    try (PreparedStatement batch =
        db.prepareStatement(
            "INSERT INTO batch (id, trial_id, received_at, rows, censored, unregistered, analytes,"
                + " visits, submitted_by) VALUES (?, ?, ?, ?, 0, 0, '{}', '{}', 'bench-seed')")) {
      batch.setObject(1, batchId);
      batch.setString(2, trialId);
      batch.setObject(3, java.sql.Timestamp.from(Instant.now()));
      batch.setLong(4, count);
      batch.executeUpdate();
    }
    CopyIn in = copy.copyIn("COPY result (" + ResultRows.COPY_COLUMNS + ") FROM STDIN");
    try {
      StringBuilder chunk = new StringBuilder(1 << 20);
      for (long i : rows.storageOrder(PARTICIPANTS)) {
        rows.appendCopy(chunk, i, trialId, batchId.toString());
        if (chunk.length() > (1 << 20) - 512) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        }
      }
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
    } finally {
      if (in.isActive()) {
        in.cancelCopy();
      }
    }
  }
}
