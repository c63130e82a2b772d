package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Decision 25: what trial-service republishes (trial and participant snapshots on the allocations
 * topic) rebuilds this service's knowledge of a trial as its event history made it, and changes
 * nothing this service already knows, however often it comes.
 */
@QuarkusTest
class RecoverableKnowledgeTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SNAPSHOT = "org.psybiome.trial.snapshot.v1";
  private static final String PARTICIPANT_SNAPSHOT = "org.psybiome.trial.participant-snapshot.v1";

  /** Every column of the trial's knowledge but updated_at (when this service wrote the row). */
  private static final String TRIAL_ROW =
      "SELECT trial_id, consortium, status, version, masked, unblinded, registered, visits::text,"
          + " arms::text, comparator_arm, outcomes::text, intervention_model, periods::text,"
          + " interventions::text, analysis_plan::text, results_shared, title"
          + " FROM trial_snapshot WHERE trial_id = ?";

  private static final String TRIAL_ROW_WITH_TIME =
      "SELECT *, updated_at FROM trial_snapshot WHERE trial_id = ?";

  private static final String PARTICIPANT_ROWS =
      "SELECT trial_id, code, arm, arm_code, sequence_code, period_arms::text, enrolled_on"
          + " FROM participant_allocation WHERE trial_id = ? ORDER BY code";

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private TrialEventsProducer events;

  @BeforeEach
  void connect() {
    events = new TrialEventsProducer();
  }

  @AfterEach
  void disconnect() {
    events.close();
  }

  @Test
  void snapshotsRebuildWhatTheHistoryMadeAndRepeatingThemChangesNothing() throws SQLException {
    // The history: registered at 2, two enrolments, a status change to 3, unblinding to 4.
    String id = TrialEventsProducer.newTrialId();
    events.registered(TrialEventsProducer.trialView(id, 2, "QUADRUPLE", "Placebo"));
    events.enrolled(id, "MG-0001", "Probiotic", "PROBIOTIC");
    events.enrolled(id, "MG-0002", "Placebo", "PLACEBO");
    events.statusChanged(id, 3, "RECRUITING", "ACTIVE_NOT_RECRUITING");
    events.unblinded(id, 4);
    await()
        .atMost(WAIT)
        .until(
            () ->
                snapshots.trial(id).map(t -> t.version() == 4 && t.unblinded()).orElse(false)
                    && snapshots.participant(id, "MG-0002").isPresent());
    List<List<String>> trialFromHistory = rows(TRIAL_ROW, id);
    List<List<String>> participantsFromHistory = rows(PARTICIPANT_ROWS, id);
    assertThat(trialFromHistory).hasSize(1);
    assertThat(participantsFromHistory).hasSize(2);

    // Kafka's data and this service's knowledge are lost; trial-service republishes the trial as
    // it is now: version 4, ACTIVE_NOT_RECRUITING, unblinded, and its two participants.
    forget(id);
    assertThat(snapshots.trial(id)).isEmpty();
    sendSnapshots(id);
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0002").isPresent());
    assertThat(rows(TRIAL_ROW, id)).isEqualTo(trialFromHistory);
    assertThat(rows(PARTICIPANT_ROWS, id)).isEqualTo(participantsFromHistory);

    // Republished again (new event ids), and one snapshot redelivered with its id: nothing changes,
    // not even the time of the trial's row. A new participant after them on the trial's partition
    // tells when they have been read.
    List<List<String>> trialRowWithTime = rows(TRIAL_ROW_WITH_TIME, id);
    UUID repeated = sendSnapshots(id);
    events.send(TrialEventsProducer.ALLOCATIONS, id, repeated, SNAPSHOT, snapshotData(id));
    participantSnapshot(id, "MG-0003", "Placebo", "PLACEBO");
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0003").isPresent());
    assertThat(rows(TRIAL_ROW_WITH_TIME, id)).isEqualTo(trialRowWithTime);
    assertThat(rows(PARTICIPANT_ROWS, id).subList(0, 2)).isEqualTo(participantsFromHistory);
    assertThat(rows(PARTICIPANT_ROWS, id)).hasSize(3);

    // An older snapshot (version 3: still blinded, RECRUITING) never overwrites version 4, nor a
    // participant snapshot naming another arm the one already known.
    Map<String, Object> older = TrialEventsProducer.trialView(id, 3, "QUADRUPLE", "Placebo");
    events.send(
        TrialEventsProducer.ALLOCATIONS, id, SNAPSHOT, Map.of("version", 3, "trial", older));
    participantSnapshot(id, "MG-0001", "Placebo", "PLACEBO");
    participantSnapshot(id, "MG-0004", "Probiotic", "PROBIOTIC");
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0004").isPresent());
    assertThat(rows(TRIAL_ROW_WITH_TIME, id)).isEqualTo(trialRowWithTime);
    assertThat(snapshots.participant(id, "MG-0001").orElseThrow().armCode()).isEqualTo("PROBIOTIC");
  }

  @Test
  void aSequenceSnapshotRebuildsTheSequenceAllocation() {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("trialId", id);
    data.put("code", "X-0001");
    data.put("enrolledOn", LocalDate.now().toString());
    data.put("sequenceCode", "AB");
    data.put(
        "periods",
        List.of(
            Map.of("period", "P1", "armCode", "PROBIOTIC"),
            Map.of("period", "P2", "armCode", "PLACEBO")));
    events.send(TrialEventsProducer.ALLOCATIONS, id, PARTICIPANT_SNAPSHOT, data);
    await().atMost(WAIT).until(() -> snapshots.participant(id, "X-0001").isPresent());
    var participant = snapshots.participant(id, "X-0001").orElseThrow();
    assertThat(participant.sequenceCode()).isEqualTo("AB");
    assertThat(participant.periodArms())
        .containsExactly(Map.entry("P1", "PROBIOTIC"), Map.entry("P2", "PLACEBO"));
  }

  /** The trial at version 4 as trial-service would republish it, then its participants. */
  private UUID sendSnapshots(String id) {
    UUID trialEvent = events.send(TrialEventsProducer.ALLOCATIONS, id, SNAPSHOT, snapshotData(id));
    participantSnapshot(id, "MG-0001", "Probiotic", "PROBIOTIC");
    participantSnapshot(id, "MG-0002", "Placebo", "PLACEBO");
    return trialEvent;
  }

  private static Map<String, Object> snapshotData(String id) {
    Map<String, Object> trial = TrialEventsProducer.trialView(id, 4, "QUADRUPLE", "Placebo");
    trial.put("status", "ACTIVE_NOT_RECRUITING");
    trial.put("unblindedAt", Instant.now().toString());
    trial.put("blinded", false);
    return Map.of("version", 4, "trial", trial);
  }

  private void participantSnapshot(String id, String code, String arm, String armCode) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("trialId", id);
    data.put("code", code);
    data.put("enrolledOn", LocalDate.now().toString());
    data.put("arm", arm);
    data.put("armCode", armCode);
    events.send(TrialEventsProducer.ALLOCATIONS, id, PARTICIPANT_SNAPSHOT, data);
  }

  /** The trial's knowledge deleted, as a fresh database for this service would lack it. */
  private void forget(String id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      for (String table : List.of("trial_snapshot", "participant_allocation")) {
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM " + table + " WHERE trial_id = ?")) {
          s.setString(1, id);
          s.executeUpdate();
        }
      }
    }
  }

  private List<List<String>> rows(String sql, String id) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(r.getString(i));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
