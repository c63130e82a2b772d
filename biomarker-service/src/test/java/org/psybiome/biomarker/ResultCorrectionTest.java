package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** A correction is appended with its reason; the reported value stays, the history shows both. */
@QuarkusTest
class ResultCorrectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
  private static final String CORRECTED = "org.psybiome.biomarker.result-corrected.v1";

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private String trial;

  @BeforeEach
  void storedResults() throws Exception {
    trial = ResultsApi.registeredTrial(snapshots);
    List<Map<String, Object>> rows =
        List.of(
            with(row("MG-0001", "W0", "S-1", "CORTISOL_AM"), "value", 10, "unit", "µg/dL"),
            row("MG-0001", "W0", "S-1", "IL6"),
            with(row("MG-0002", "W0", "S-2", "KYN"), "value", 2, "unit", "umol/L"),
            with(row("MG-0002", "W0", "S-2", "TRP"), "value", 50, "unit", "umol/L"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  @Test
  void aCorrectionKeepsTheReportedValueAndIsInForce() throws Exception {
    long cortisol = resultId("CORTISOL_AM");
    var correction =
        correct(
                cortisol,
                "pipeline",
                ResultsApi.CONSORTIUM,
                correction("12", "µg/dL", "mixed-up tubes"))
            .then()
            .statusCode(201)
            .header(
                "Location",
                endsWith("/api/v1/trials/" + trial + "/results/" + cortisol + "/history"))
            .body("kind", equalTo("CORRECTED"))
            .body("reason", equalTo("mixed-up tubes"))
            .body("by", equalTo("pipeline@MINDGUT"))
            .extract()
            .jsonPath()
            .using(DOUBLES);
    // 12 ug/dL = 120 000 ng/L; / 362.46 g/mol = 331.0710 nmol/L
    assertThat(correction.getDouble("standardValue")).isCloseTo(120000 / 362.46, within(1e-6));

    JsonPath current = list("CORTISOL_AM");
    assertThat(current.getBoolean("items[0].corrected")).isTrue();
    assertThat(current.getDouble("items[0].standardValue"))
        .isCloseTo(120000 / 362.46, within(1e-6));
    assertThat(current.getString("items[0].unit")).isEqualTo("µg/dL");
    assertThat(list("IL6").getBoolean("items[0].corrected")).isFalse();

    correct(cortisol, "pipeline", ResultsApi.CONSORTIUM, correction("11", "ug/dL", "re-assayed"))
        .then()
        .statusCode(201);
    JsonPath history =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/" + cortisol + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(history.getBoolean("corrected")).isTrue();
    assertThat(history.getList("revisions.kind"))
        .containsExactly("REPORTED", "CORRECTED", "CORRECTED");
    assertThat(history.getList("revisions.reason"))
        .containsExactly(null, "mixed-up tubes", "re-assayed");
    assertThat(history.getList("revisions.by")).containsOnly("pipeline@MINDGUT");
    assertThat(history.getDouble("revisions[0].value")).isEqualTo(10.0);
    assertThat(history.getDouble("revisions[0].standardValue"))
        .isCloseTo(100000 / 362.46, within(1e-6));
    assertThat(history.getString("revisions[0].batchId")).isNotNull();
    assertThat(history.getDouble("revisions[2].standardValue"))
        .isCloseTo(110000 / 362.46, within(1e-6));
    assertThat(history.getString("revisions[2].at")).isNotNull();

    // the reported row itself is untouched
    assertThat(storedStandardValue(cortisol))
        .isCloseTo(new BigDecimal("275.8925"), within(new BigDecimal("0.0001")));

    List<JsonNode> events =
        BiomarkerEvents.of(trial, BiomarkerEvents.ofType(CORRECTED), 2, Duration.ofSeconds(20));
    assertThat(events).hasSize(2);
    JsonNode first = events.get(0).path("data");
    assertThat(first.path("resultId").asLong()).isEqualTo(cortisol);
    assertThat(first.path("previous").path("value").asDouble())
        .isCloseTo(100000 / 362.46, within(1e-6));
    assertThat(first.path("current").path("value").asDouble())
        .isCloseTo(120000 / 362.46, within(1e-6));
    assertThat(first.path("reason").asText()).isEqualTo("mixed-up tubes");
    assertThat(first.toString()).doesNotContain("MG-0001");
  }

  @Test
  void correctingAnInputRecomputesTheDerivedResult() throws Exception {
    long kyn = resultId("KYN");
    long ratio = resultId("KYN_TRP_RATIO");
    assertThat(list("KYN_TRP_RATIO").getDouble("items[0].standardValue"))
        .isCloseTo(2.0 / 50 * 1000, within(1e-9));

    correct(kyn, "pipeline", ResultsApi.CONSORTIUM, correction("3", "umol/L", "calibration"))
        .then()
        .statusCode(201);

    JsonPath recomputed = list("KYN_TRP_RATIO");
    assertThat(recomputed.getBoolean("items[0].corrected")).isTrue();
    assertThat(recomputed.getDouble("items[0].standardValue"))
        .isCloseTo(3.0 / 50 * 1000, within(1e-9));
    as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/" + ratio + "/history")
        .then()
        .statusCode(200)
        .body("revisions.size()", equalTo(2))
        .body("revisions[1].reason", org.hamcrest.Matchers.containsString("recomputed"));

    // a derived result is corrected only through its inputs
    correct(ratio, "pipeline", ResultsApi.CONSORTIUM, correction("70", "umol/mmol", "manual"))
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("analyte"));
  }

  @Test
  void badInputIsA422AndChangesNothing() throws Exception {
    long il6 = resultId("IL6");
    correct(il6, "pipeline", ResultsApi.CONSORTIUM, Map.of("value", "2,5", "unit", "furlong"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", hasItems("value", "reason"));
    correct(
            il6,
            "pipeline",
            ResultsApi.CONSORTIUM,
            Map.of(
                "value", "3",
                "unit", "furlong",
                "comparator", "<=",
                "qcStatus", "MAYBE",
                "reason", "typo"))
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("unit", "comparator", "qcStatus"));
    correct(il6, "pipeline", ResultsApi.CONSORTIUM, correction("5000", "pg/mL", "typo"))
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("value"));
    correct(il6, "pipeline", ResultsApi.CONSORTIUM, correction("3", "pg/mL", "   "))
        .then()
        .statusCode(422);
    as("pipeline", ResultsApi.CONSORTIUM)
        .contentType("application/json")
        .body("{\"value\": ")
        .post("/api/v1/trials/" + trial + "/results/" + il6 + "/corrections")
        .then()
        .statusCode(400);
    assertThat(corrections()).isZero();
  }

  @Test
  void onlyTheOwningPipelineCorrects() throws Exception {
    long il6 = resultId("IL6");
    Map<String, Object> body = correction("3", "pg/mL", "typo");
    correct(il6, "pipeline", "OTHERCONS", body)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    correct(il6, "statistician", ResultsApi.CONSORTIUM, body).then().statusCode(403);
    correct(il6, "reader", ResultsApi.CONSORTIUM, body).then().statusCode(403);
    correct(999_999_999L, "pipeline", ResultsApi.CONSORTIUM, body).then().statusCode(404);
    as("reader", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/results/" + il6 + "/history")
        .then()
        .statusCode(404);
    // a result of another trial of the same consortium is not found under this trial
    String other = ResultsApi.registeredTrial(snapshots);
    as("pipeline", ResultsApi.CONSORTIUM)
        .contentType("application/json")
        .body(JSON.writeValueAsString(body))
        .post("/api/v1/trials/" + other + "/results/" + il6 + "/corrections")
        .then()
        .statusCode(404);
    assertThat(corrections()).isZero();
  }

  @Test
  void theApplicationRoleCannotRewriteCorrections() throws Exception {
    long il6 = resultId("IL6");
    correct(il6, "pipeline", ResultsApi.CONSORTIUM, correction("3", "pg/mL", "typo"))
        .then()
        .statusCode(201);
    for (String sql :
        List.of(
            "UPDATE result_correction SET reason = 'rewritten' WHERE trial_id = ?",
            "DELETE FROM result_correction WHERE trial_id = ?",
            "UPDATE result SET standard_value = 0 WHERE trial_id = ?")) {
      assertThatThrownBy(() -> execute(sql))
          .as(sql)
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
    assertThat(corrections()).isEqualTo(1);
  }

  @Test
  void aRetriedCorrectionWithItsKeyIsReplayedAndStoredOnce() throws Exception {
    long cortisol = resultId("CORTISOL_AM");
    String key = java.util.UUID.randomUUID().toString();
    var body = correction("12", "µg/dL", "mixed-up tubes");
    var first = correctWithKey(cortisol, key, body);
    first.then().statusCode(201);
    var retry = correctWithKey(cortisol, key, body);
    retry.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    assertThat(retry.asString()).isEqualTo(first.asString());
    assertThat(corrections(cortisol)).isEqualTo(1);
    // another correction under the same key: 422, nothing stored
    correctWithKey(cortisol, key, correction("13", "µg/dL", "re-assayed"))
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("Idempotency-Key"));
    // a refused one (no reason) leaves its key free for the corrected request
    String other = java.util.UUID.randomUUID().toString();
    correctWithKey(cortisol, other, Map.of("value", "13", "unit", "µg/dL")).then().statusCode(422);
    correctWithKey(cortisol, other, correction("13", "µg/dL", "re-assayed")).then().statusCode(201);
    assertThat(corrections(cortisol)).isEqualTo(2);
    // without a key a retry is a second correction: the count can show one
    correct(cortisol, "pipeline", ResultsApi.CONSORTIUM, body).then().statusCode(201);
    assertThat(corrections(cortisol)).isEqualTo(3);
  }

  private io.restassured.response.Response correctWithKey(
      long resultId, String key, Map<String, Object> body) throws Exception {
    return as("pipeline", ResultsApi.CONSORTIUM)
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(JSON.writeValueAsString(body))
        .post("/api/v1/trials/" + trial + "/results/" + resultId + "/corrections");
  }

  private long corrections(long resultId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM result_correction WHERE result_id = ?")) {
      select.setLong(1, resultId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static Map<String, Object> correction(String value, String unit, String reason) {
    return Map.of("value", value, "unit", unit, "reason", reason);
  }

  private io.restassured.response.Response correct(
      long resultId, String role, String consortium, Map<String, Object> body) throws Exception {
    return as(role, consortium)
        .contentType("application/json")
        .body(JSON.writeValueAsString(body))
        .post("/api/v1/trials/" + trial + "/results/" + resultId + "/corrections");
  }

  private JsonPath list(String analyte) {
    return as("reader", ResultsApi.CONSORTIUM)
        .queryParam("analyte", analyte)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private long resultId(String analyte) {
    return list(analyte).getLong("items[0].id");
  }

  private BigDecimal storedStandardValue(long id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT standard_value FROM result WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getBigDecimal(1);
      }
    }
  }

  private long corrections() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT count(*) FROM result_correction WHERE trial_id = ?")) {
      select.setString(1, trial);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, trial);
      statement.executeUpdate();
    }
  }
}
