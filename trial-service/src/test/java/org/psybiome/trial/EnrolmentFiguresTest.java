package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.PostgresServer;
import org.psybiome.testsupport.PsybiomeTestResource;
import org.psybiome.testsupport.TestDatabase;

/**
 * A trial's enrolment figures (participants, first enrolment date) are kept in {@code
 * trial_enrolment} by V14's triggers as participants are stored, and every read shows them from
 * there. Each test checks the kept figures against the truth counted from {@code participant}
 * itself (the figures the reads showed before V14), after a different way of writing participants:
 * the API from many threads, and the hand-made changes the service never makes (a clean-up, a
 * corrected date, a participant moved, a restore of many trials in one statement).
 */
@QuarkusTest
class EnrolmentFiguresTest {

  private static final String TRUTH =
      "SELECT count(*), min(enrolled_on) FROM participant WHERE trial_id = ?";
  private static final String KEPT =
      "SELECT participants, first_enrolled_on, xmin::text FROM trial_enrolment WHERE trial_id = ?";

  /** The figures of one trial: how many, the earliest date, and the kept row's version (xmin). */
  record Figures(long participants, LocalDate firstOn, String rowVersion) {
    Figures counts() {
      return new Figures(participants, firstOn, null);
    }
  }

  @Test
  void concurrentEnrolmentsThroughTheApiAreEachCounted() throws Exception {
    var first = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    var second = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String trial = i % 2 == 0 ? first.id() : second.id();
        String code = "EF-C" + i;
        String arm = i % 4 < 2 ? "Probiotic" : "Placebo";
        answers.add(pool.submit(() -> TrialApi.enrol(trial, code, arm).statusCode()));
      }
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(201);
      }
    } finally {
      pool.shutdown();
    }
    try (Connection db = owner()) {
      for (String trial : List.of(first.id(), second.id())) {
        assertThat(kept(db, trial).counts()).isEqualTo(truth(db, trial));
        assertThat(kept(db, trial).participants()).isEqualTo(12);
      }
    }
    as("reader").get("/api/v1/trials/" + first.id()).then().body("actualEnrolment", equalTo(12));
  }

  @Test
  void aCorrectedDateAndAParticipantRemovedByHandAreCountedAgain() throws Exception {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    for (String code : List.of("EF-D1", "EF-D2", "EF-D3")) {
      TrialApi.enrol(trial.id(), code, "Probiotic").then().statusCode(201);
    }
    LocalDate earlier = LocalDate.now().minusDays(10);
    try (Connection db = owner()) {
      update(
          db,
          "UPDATE participant SET enrolled_on = ? WHERE trial_id = ? AND code = 'EF-D2'",
          earlier,
          trial.id());
      assertThat(kept(db, trial.id()).counts()).isEqualTo(truth(db, trial.id()));
      assertThat(kept(db, trial.id()).firstOn()).isEqualTo(earlier);

      // the earliest one goes: the date cannot be subtracted, it is counted again
      update(db, "DELETE FROM participant WHERE trial_id = ? AND code = 'EF-D2'", trial.id());
      assertThat(kept(db, trial.id()).counts()).isEqualTo(truth(db, trial.id()));
      assertThat(kept(db, trial.id()))
          .extracting(Figures::participants, Figures::firstOn)
          .containsExactly(2L, LocalDate.now());
    }
    as("reader").get("/api/v1/trials/" + trial.id()).then().body("actualEnrolment", equalTo(2));
  }

  @Test
  void anUpdateThatMovesNoParticipantWritesNoFigures() throws Exception {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(trial.id(), "EF-U1", "Probiotic").then().statusCode(201);
    try (Connection db = owner()) {
      Figures before = kept(db, trial.id());
      update(
          db,
          "UPDATE participant SET allocation_reference = 'by hand' WHERE trial_id = ?",
          trial.id());
      // the same row version: the trigger found nothing moved and wrote nothing
      assertThat(kept(db, trial.id())).isEqualTo(before);
    }
  }

  @Test
  void aParticipantMovedToAnotherTrialIsCountedInBoth() throws Exception {
    var from = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    var to = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(from.id(), "EF-M1", "Probiotic").then().statusCode(201);
    TrialApi.enrol(from.id(), "EF-M2", "Placebo").then().statusCode(201);
    try (Connection db = owner()) {
      assertThat(kept(db, to.id())).isNull(); // no participant yet, no row
      update(
          db,
          "UPDATE participant SET trial_id = ? WHERE trial_id = ? AND code = 'EF-M2'",
          to.id(),
          from.id());
      assertThat(kept(db, from.id()).counts()).isEqualTo(truth(db, from.id()));
      assertThat(kept(db, to.id()).counts()).isEqualTo(truth(db, to.id()));
      assertThat(kept(db, to.id()).participants()).isEqualTo(1);
    }
  }

  @Test
  void aRestoreOfManyTrialsInOneStatementIsCountedPerTrial() throws Exception {
    var first = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    var second = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(first.id(), "EF-R0", "Probiotic").then().statusCode(201);
    try (Connection db = owner()) {
      update(
          db,
          "INSERT INTO participant (trial_id, code, arm, arm_code, enrolled_on, enrolled_at,"
              + " enrolled_by) SELECT CASE WHEN g % 3 = 0 THEN ? ELSE ? END, 'EF-R' || g,"
              + " 'Probiotic', 'PROBIOTIC', DATE '2025-03-01' + g, now(), 'restore'"
              + " FROM generate_series(1, 30) AS g",
          first.id(),
          second.id());
      for (String trial : List.of(first.id(), second.id())) {
        assertThat(kept(db, trial).counts()).isEqualTo(truth(db, trial));
      }
      // worked by hand: g = 3, 6, …, 30 go to the first (10 rows, earliest 2025-03-04) beside
      // EF-R0; the other 20 (earliest g = 1: 2025-03-02) to the second
      assertThat(kept(db, first.id()))
          .extracting(Figures::participants, Figures::firstOn)
          .containsExactly(11L, LocalDate.of(2025, 3, 4));
      assertThat(kept(db, second.id()))
          .extracting(Figures::participants, Figures::firstOn)
          .containsExactly(20L, LocalDate.of(2025, 3, 2));
    }
  }

  /** The figures of participants stored before V14 are counted by the migration itself. */
  @Test
  void theMigrationCountsTheParticipantsAlreadyStored() throws Exception {
    try (TestDatabase database = PostgresServer.get().createDatabase("enrolment_upgrade")) {
      Flyway flyway =
          Flyway.configure()
              .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
              .locations("classpath:db/migration")
              .placeholders(Map.of("app_role", database.appUser()))
              .target("13")
              .load();
      flyway.migrate();
      try (Connection db = database.connectAsOwner()) {
        for (String id : List.of("PSB-UP-1", "PSB-UP-2", "PSB-UP-3")) {
          update(
              db,
              "INSERT INTO trial (id, consortium, status, version, content, created_at, updated_at)"
                  + " VALUES (?, 'UPGRADE', 'RECRUITING', 1, '{}', now(), now())",
              id);
        }
        update(
            db,
            "INSERT INTO participant (trial_id, code, arm, arm_code, enrolled_on, enrolled_at,"
                + " enrolled_by) VALUES"
                + " ('PSB-UP-1', 'A1', 'A', 'A', DATE '2024-05-02', now(), 'x'),"
                + " ('PSB-UP-1', 'A2', 'A', 'A', DATE '2024-04-30', now(), 'x'),"
                + " ('PSB-UP-2', 'B1', 'A', 'A', DATE '2024-06-01', now(), 'x')");
      }
      Flyway.configure()
          .dataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())
          .locations("classpath:db/migration")
          .placeholders(Map.of("app_role", database.appUser()))
          .load()
          .migrate();
      try (Connection db = database.connectAsOwner()) {
        assertThat(kept(db, "PSB-UP-1").counts())
            .isEqualTo(new Figures(2, LocalDate.of(2024, 4, 30), null));
        assertThat(kept(db, "PSB-UP-2").counts())
            .isEqualTo(new Figures(1, LocalDate.of(2024, 6, 1), null));
        assertThat(kept(db, "PSB-UP-3")).isNull();
      }
    }
  }

  private static Connection owner() throws SQLException {
    return PsybiomeTestResource.database().connectAsOwner();
  }

  private static Figures truth(Connection db, String trial) throws SQLException {
    try (var query = db.prepareStatement(TRUTH)) {
      query.setString(1, trial);
      try (var row = query.executeQuery()) {
        row.next();
        Date first = row.getDate(2);
        return new Figures(row.getLong(1), first == null ? null : first.toLocalDate(), null);
      }
    }
  }

  private static Figures kept(Connection db, String trial) throws SQLException {
    try (var query = db.prepareStatement(KEPT)) {
      query.setString(1, trial);
      try (var row = query.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        Date first = row.getDate(2);
        return new Figures(
            row.getLong(1), first == null ? null : first.toLocalDate(), row.getString(3));
      }
    }
  }

  private static void update(Connection db, String sql, Object... parameters) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        Object p = parameters[i];
        statement.setObject(i + 1, p instanceof LocalDate d ? Date.valueOf(d) : p);
      }
      statement.executeUpdate();
    }
  }
}
