package org.psybiome.bench;

import java.sql.Connection;

/**
 * Removes what the benchmark left, and only that: rows of the benchmark's consortium (PSYBENCH) and
 * of the trial ids it seeds (PSB-1900-…, PSB-1901-…), as the databases' owners. A user's own trials
 * and results (e.g. the demo data) are never touched. trial-service's audit entries of the trials
 * the benchmark registered through the API stay: the audit trail is append-only, for the owner too.
 */
final class BenchCleaner {

  private final Databases databases;

  BenchCleaner(Databases databases) {
    this.databases = databases;
  }

  void removeAll() throws Exception {
    Progress.say("clean: removing the benchmark's trials and results");
    removeSeededResults();
    removeSeededTrials();
    try (Connection biomarker = databases.biomarker()) {
      String ids =
          "(SELECT trial_id FROM trial_snapshot WHERE consortium = '"
              + BenchTrials.CONSORTIUM
              + "')";
      for (String table :
          new String[] {
            "result_correction", "result", "batch", "idempotency_key", "participant_allocation"
          }) {
        Databases.update(biomarker, "DELETE FROM " + table + " WHERE trial_id IN " + ids);
      }
      Databases.update(
          biomarker, "DELETE FROM trial_snapshot WHERE consortium = ?", BenchTrials.CONSORTIUM);
    }
    try (Connection trial = databases.trial()) {
      String ids = "(SELECT id FROM trial WHERE consortium = '" + BenchTrials.CONSORTIUM + "')";
      for (String table :
          new String[] {
            "participant", "trial_status_history", "trial_secondary_id", "trial_version"
          }) {
        Databases.update(trial, "DELETE FROM " + table + " WHERE trial_id IN " + ids);
      }
      Databases.update(trial, "DELETE FROM trial WHERE consortium = ?", BenchTrials.CONSORTIUM);
    }
  }

  void removeSeededResults() throws Exception {
    try (Connection biomarker = databases.biomarker()) {
      String like = ResultSeeder.PREFIX + "%";
      for (String table :
          new String[] {
            "result_correction", "result", "batch", "participant_allocation", "trial_snapshot"
          }) {
        Databases.update(biomarker, "DELETE FROM " + table + " WHERE trial_id LIKE ?", like);
      }
    }
  }

  void removeSeededTrials() throws Exception {
    try (Connection trial = databases.trial()) {
      String like = TrialSeeder.PREFIX + "%";
      for (String table :
          new String[] {
            "participant", "trial_status_history", "trial_secondary_id", "trial_version"
          }) {
        Databases.update(trial, "DELETE FROM " + table + " WHERE trial_id LIKE ?", like);
      }
      Databases.update(trial, "DELETE FROM trial WHERE id LIKE ?", like);
    }
  }
}
