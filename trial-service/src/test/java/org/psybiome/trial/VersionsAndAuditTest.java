package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.PsybiomeTestResource;

/**
 * Every change makes a version; two versions can be compared; the audit trail cannot be rewritten.
 */
@QuarkusTest
class VersionsAndAuditTest {

  @Test
  void aSwitchedPrimaryOutcomeShowsInTheDiffWithOldAndNewValues() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    var body = DemoTrials.load(DemoTrials.PROBIOTIC);
    body.withArray("primaryOutcomes").removeAll();
    body.withArray("primaryOutcomes")
        .addObject()
        .put("timeFrame", "Week 8")
        .put("description", "MADRS response")
        .putObject("measure")
        .put("kind", "SCALE")
        .put("code", "MADRS");
    body.put("changeReason", "Primary outcome changed on advice of the DSMB");
    TrialApi.update(trial.id(), trial.etag(), body).then().statusCode(200);

    given()
        .get("/api/v1/trials/" + trial.id() + "/versions")
        .then()
        .statusCode(200)
        .body("version", equalTo(List.of(1, 2, 3)))
        .body("change", equalTo(List.of("CREATED", "STATUS_CHANGED", "UPDATED")))
        .body("[2].reason", equalTo("Primary outcome changed on advice of the DSMB"))
        .body("[2].changedBy", nullValue()); // staff identities are for the consortium only
    given()
        .get("/api/v1/trials/" + trial.id() + "/versions/2")
        .then()
        .statusCode(200)
        .body("content.primaryOutcomes[0].measure.code", equalTo("HAMD17"));

    var changes =
        given()
            .queryParam("from", 2)
            .queryParam("to", 3)
            .get("/api/v1/trials/" + trial.id() + "/diff")
            .then()
            .statusCode(200)
            .body("from", equalTo(2))
            .body("to", equalTo(3))
            .extract()
            .jsonPath()
            .getList("changes", Map.class);
    assertThat(changes)
        .anySatisfy(
            c -> {
              assertThat(c.get("path")).isEqualTo("/record/primaryOutcomes/0/measure/code");
              assertThat(c.get("from")).isEqualTo("HAMD17");
              assertThat(c.get("to")).isEqualTo("MADRS");
            });
    // a version that does not exist
    given()
        .queryParam("from", 1)
        .queryParam("to", 9)
        .get("/api/v1/trials/" + trial.id() + "/diff")
        .then()
        .statusCode(404);
  }

  @Test
  void theAuditTrailRecordsWhoWhenWhatAndWhy() {
    var trial = TrialApi.recruiting(DemoTrials.DIET);
    TrialApi.enrol(trial.id(), "MG-3001", "Mediterranean diet").then().statusCode(201);
    as("reader")
        .get("/api/v1/trials/" + trial.id() + "/audit")
        .then()
        .statusCode(200)
        .body("items", hasSize(3))
        .body("items.action", equalTo(List.of("CREATED", "REGISTERED", "PARTICIPANT_ENROLLED")))
        .body("items[1].actor", equalTo("registrant@MINDGUT"))
        .body("items[1].changes[0].to", equalTo("RECRUITING"))
        .body("items[2].changes[0].to.arm", equalTo("Mediterranean diet"));
    // another consortium is not told there is an audit trail to see (404, not 403)
    as("reader", TrialApi.OTHER_CONSORTIUM)
        .get("/api/v1/trials/" + trial.id() + "/audit")
        .then()
        .statusCode(404);
  }

  @Test
  void theApplicationsDatabaseRoleCannotUpdateOrDeleteAuditRows() throws SQLException {
    TrialApi.createDraft(DemoTrials.load(DemoTrials.FMT));
    var database = PsybiomeTestResource.database();
    try (var app = database.connectAsApp();
        var statement = app.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_entry SET actor = 'mallory'"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry"))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_entry"))
          .isInstanceOf(SQLException.class);
    }
    // even the owner, who holds the privileges, is stopped by the trigger
    try (var owner = database.connectAsOwner();
        var statement = owner.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_entry SET actor = 'mallory'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      var rows = statement.executeQuery("SELECT count(*) FROM audit_entry WHERE actor = 'mallory'");
      rows.next();
      assertThat(rows.getLong(1)).isZero();
    }
  }
}
