package org.psybiome.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what the benchmark left, and only that: rows of the benchmark's consortium (PSYBENCH) and
 * of the trial ids it seeds (PSB-1900-…, PSB-1901-…), as the databases' owners. A user's own trials
 * and results (e.g. the demo data) are never touched. trial-service's audit entries of the trials
 * the benchmark registered through the API stay: the audit trail is append-only, for the owner too.
 *
 * <p>The tables are read from the database's catalogue, not listed here: every table with a {@code
 * trial_id} column (and the trial table itself, by {@code id}), those that reference others first,
 * so a table a later migration adds is cleaned too (a hard-coded list fell behind the schema once);
 * append-only tables, whose row trigger before DELETE refuses it, are left alone.
 */
final class BenchCleaner {

  /**
   * Each public table (partitions left out, their parent covers them) with the length of the
   * longest chain of foreign keys it starts: a table must be emptied before those it references.
   */
  private static final String TABLES_REFERENCING_FIRST =
      """
      WITH RECURSIVE chain(tbl, depth) AS (
        SELECT c.oid, 0 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        UNION ALL
        SELECT k.conrelid, chain.depth + 1 FROM pg_constraint k JOIN chain ON k.confrelid = chain.tbl
         WHERE k.contype = 'f' AND k.conrelid <> k.confrelid AND chain.depth < 32
      )
      SELECT c.relname,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                       AND a.attname = 'trial_id' AND NOT a.attisdropped)
             -- an append-only table (a row trigger before DELETE refuses it, as on the audit
             -- trail) is kept; tgtype bits 1 row, 2 before, 8 delete (an AFTER DELETE trigger
             -- that keeps figures up to date, as on participant, does not make a table append-only)
             AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                       AND NOT t.tgisinternal AND (t.tgtype & 11) = 11) AS has_trial_id
        FROM chain JOIN pg_class c ON c.oid = chain.tbl
       WHERE NOT c.relispartition
       GROUP BY c.oid, c.relname
       ORDER BY max(chain.depth) DESC, c.relname
      """;

  private final Databases databases;

  BenchCleaner(Databases databases) {
    this.databases = databases;
  }

  void removeAll() throws Exception {
    Progress.say("clean: removing the benchmark's trials and results");
    removeSeededResults();
    removeSeededTrials();
    try (Connection biomarker = databases.biomarker()) {
      removeTrials(
          biomarker,
          "trial_snapshot",
          "trial_id",
          "SELECT trial_id FROM trial_snapshot WHERE consortium = ?",
          BenchTrials.CONSORTIUM);
    }
    try (Connection trial = databases.trial()) {
      removeTrials(
          trial,
          "trial",
          "id",
          "SELECT id FROM trial WHERE consortium = ?",
          BenchTrials.CONSORTIUM);
    }
  }

  void removeSeededResults() throws Exception {
    try (Connection biomarker = databases.biomarker()) {
      removeTrials(
          biomarker,
          "trial_snapshot",
          "trial_id",
          "SELECT trial_id FROM trial_snapshot WHERE trial_id LIKE ?",
          ResultSeeder.PREFIX + "%");
      compact(biomarker, "trial_snapshot");
    }
  }

  void removeSeededTrials() throws Exception {
    try (Connection trial = databases.trial()) {
      removeTrials(
          trial, "trial", "id", "SELECT id FROM trial WHERE id LIKE ?", TrialSeeder.PREFIX + "%");
      compact(trial, "trial");
    }
  }

  /**
   * Rewrites the tables just emptied of seeded rows and their indexes to the rows left. A plain
   * VACUUM frees the space for reuse but keeps the files: after the 1M-trial search the trial table
   * stayed 1.3 GB and its covering index 1.9 GB for 10 000 trials, and the next run's search at 10
   * 000 trials took 77 ms at p95 instead of 14 (2026-12-01, BENCHMARKS.md). Takes each table's
   * exclusive lock while it runs: this is the local stack's database, cleaned between runs.
   */
  private static void compact(Connection db, String root) throws Exception {
    List<String> tables = new ArrayList<>(tablesWithTrialId(db));
    if (!tables.contains(root)) {
      tables.add(root);
    }
    Progress.say("clean: compacting %s", String.join(", ", tables));
    Databases.compact(db, tables.toArray(String[]::new));
  }

  /**
   * Deletes the rows of the trials {@code ids} selects (one parameter) from every table with a
   * trial_id column, referencing tables first, then from the root table by its key. The ids are
   * read once, as the root's rows go last.
   */
  static void removeTrials(Connection db, String root, String rootKey, String ids, String parameter)
      throws Exception {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try {
      Databases.update(
          db, "CREATE TEMPORARY TABLE bench_doomed ON COMMIT DROP AS " + ids, parameter);
      for (String table : tablesWithTrialId(db)) {
        if (!table.equals(root)) {
          Databases.update(
              db, "DELETE FROM " + table + " WHERE trial_id IN (SELECT * FROM bench_doomed)");
        }
      }
      Databases.update(
          db, "DELETE FROM " + root + " WHERE " + rootKey + " IN (SELECT * FROM bench_doomed)");
      db.commit();
    } catch (Exception e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(autoCommit);
    }
  }

  /** Tables with a trial_id column, each before every table it references. */
  static List<String> tablesWithTrialId(Connection db) throws Exception {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement statement = db.prepareStatement(TABLES_REFERENCING_FIRST);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        if (rows.getBoolean("has_trial_id")) {
          tables.add(rows.getString("relname"));
        }
      }
    }
    return tables;
  }
}
