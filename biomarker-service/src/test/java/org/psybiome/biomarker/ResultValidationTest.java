package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * {@code POST /results/validate} answers what {@code POST /results} would, and stores nothing: no
 * batch, no result, no Idempotency-Key, no event.
 */
@QuarkusTest
class ResultValidationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HEADER =
      "participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n";

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void aValidBatchIsAnsweredWithWhatWouldBeStoredAndNothingIsStored() throws Exception {
    // three rows, one of them censored (comparator <): 3 rows, 1 censored, IL6 at W0 and W8
    String csv =
        HEADER
            + "MG-0001,W0,V-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n"
            + "MG-0002,W0,V-2,2026-03-01T08:15:00Z,IL6,0.5,pg/mL,<\n"
            + "MG-0003,W8,V-3,2026-04-26T08:15:00Z,IL6,3.1,pg/mL,\n";
    String key = UUID.randomUUID().toString();
    long keysBefore = count("SELECT count(*) FROM idempotency_key");

    validate(trial, "text/csv", csv, key)
        .then()
        .statusCode(200)
        .body("trialId", equalTo(trial))
        .body("outcome", equalTo("STORE"))
        .body("rows", equalTo(3))
        .body("censored", equalTo(1))
        .body("unregistered", equalTo(0))
        .body("analytes", contains("IL6"))
        .body("visits", contains("W0", "W8"));
    // and again: still nothing stored, so still STORE
    validate(trial, "text/csv", csv, key).then().statusCode(200).body("outcome", equalTo("STORE"));

    assertThat(count("SELECT count(*) FROM batch WHERE trial_id = ?", trial)).isZero();
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isZero();
    assertThat(count("SELECT count(*) FROM idempotency_key")).isEqualTo(keysBefore);
    assertThat(count("SELECT count(*) FROM idempotency_key WHERE key = ?", key)).isZero();
    assertThat(count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", trial)).isZero();

    // the real POST stores what the check announced
    Response stored = post(trial, "text/csv", csv, key);
    stored.then().statusCode(201).body("rows", equalTo(3)).body("censored", equalTo(1));
    String batchId = stored.jsonPath().getString("id");
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isEqualTo(3);

    // now the key would replay: the check says so, names the batch, and stores nothing either
    validate(trial, "text/csv", csv, key)
        .then()
        .statusCode(200)
        .body("outcome", equalTo("REPLAY"))
        .body("replays", equalTo(batchId))
        .body("rows", equalTo(3))
        .body("censored", equalTo(1));
    // without the key the same body would be refused: its samples are stored now
    validate(trial, "text/csv", csv, null)
        .then()
        .statusCode(422)
        .body("violations[0].field", equalTo("sampleId"));
    assertThat(count("SELECT count(*) FROM batch WHERE trial_id = ?", trial)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isEqualTo(3);

    // Events of a trial are relayed in the order they were written (one shard per trial): had a
    // check appended one, it would come before the POST's. The first and only one is the POST's.
    List<JsonNode> events = BiomarkerEvents.of(trial, any -> true, 1, Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).path("data").path("batchId").asText()).isEqualTo(batchId);
  }

  @Test
  void aBatchWithBadRowsGetsTheSameProblemAsThePost() throws Exception {
    String csv =
        HEADER
            + "MG-0001,W0,B-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n"
            + "MG-0001,W0,B-2,2026-03-01T08:15:00Z,IL6,abc,pg/mL,\n"
            + "MG-0002,W9,B-3,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n"
            + "MG-9999,W0,B-4,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,=\n";
    Response checked = validate(trial, "text/csv", csv, null);
    Response posted = post(trial, "text/csv", csv, null);

    assertThat(checked.statusCode()).isEqualTo(422);
    assertThat(posted.statusCode()).isEqualTo(422);
    assertThat(checked.contentType()).startsWith("application/problem+json");
    // the same problem; only instance, the path asked, differs (RFC 9457 §3.1.5)
    assertThat(withoutInstance(checked)).isEqualTo(withoutInstance(posted));
    // rows 2, 3 and 4 (1-based data rows), as the POST's documentation says
    JsonNode violations = withoutInstance(checked).path("violations");
    assertThat(violations).hasSize(4);
    assertThat(violations.get(0).path("row").asInt()).isEqualTo(2);
    assertThat(violations.get(0).path("field").asText()).isEqualTo("value");
    assertThat(violations.get(0).path("message").asText()).isEqualTo("must be a decimal number");
    assertThat(violations.get(1).path("row").asInt()).isEqualTo(3);
    assertThat(violations.get(1).path("field").asText()).isEqualTo("visit");
    assertThat(violations.get(2).path("row").asInt()).isEqualTo(4);
    assertThat(violations.get(2).path("field").asText()).isEqualTo("comparator");
    assertThat(violations.get(3).path("row").asInt()).isEqualTo(4);
    assertThat(violations.get(3).path("field").asText()).isEqualTo("participant");
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isZero();
  }

  @Test
  void malformedTooLargeAndEmptyBodiesAndAReusedKeyAreRefusedAsThePostRefusesThem()
      throws Exception {
    assertSameProblem("application/json", "[{\"participant\": ", null, 400);
    assertSameProblem("application/json", "[]", null, 422);
    // one row more than psybiome.biomarker.max-batch-rows (100 000): counted before it is read
    String tooMany = "{}\n".repeat(100_001);
    assertSameProblem("application/x-ndjson", tooMany, null, 413);
    assertSameProblem("text/csv", HEADER, "not visible", 400);

    String key = UUID.randomUUID().toString();
    String first = HEADER + "MG-0001,W0,K-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n";
    post(trial, "text/csv", first, key).then().statusCode(201);
    String other = HEADER + "MG-0001,W0,K-2,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n";
    assertSameProblem("text/csv", other, key, 422);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isEqualTo(1);
  }

  @Test
  void anUnknownOrForeignTrialIsNotFound() {
    String csv = HEADER + "MG-0001,W0,U-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n";
    validate("PSB-2099-999999", "text/csv", csv, null)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("pipeline", "OTHERCONS")
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/trials/" + trial + "/results/validate")
        .then()
        .statusCode(404);
  }

  @Test
  void onlyThePipelineRoleMayCheckABatch() {
    String csv = HEADER + "MG-0001,W0,R-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n";
    for (String role : List.of("reader", "statistician", "registrant", "curator")) {
      as(role, ResultsApi.CONSORTIUM)
          .contentType("text/csv")
          .body(csv)
          .post("/api/v1/trials/" + trial + "/results/validate")
          .then()
          .statusCode(403);
    }
    io.restassured.RestAssured.given()
        .contentType("text/csv")
        .body(csv)
        .post("/api/v1/trials/" + trial + "/results/validate")
        .then()
        .statusCode(401);
  }

  /**
   * The two requests the bad-input corpus saw answered 422 by the check: an empty Idempotency-Key
   * is a malformed key (400, as the POST documents), on both endpoints, before the rows are read;
   * an NDJSON body whose lines are no JSON has a row error per line (422, as the POST documents: "a
   * line that is not JSON is a row error"), on both endpoints alike.
   */
  @Test
  void anEmptyKeyIsRefusedAndNonJsonLinesAreRowErrorsAsThePostAnswersThem() throws Exception {
    // a row error (value abc): an ignored empty key would let it answer 422
    String badRow = HEADER + "MG-0001,W0,E-1,2026-03-01T08:15:00Z,IL6,abc,pg/mL,\n";
    assertSameProblem("text/csv", badRow, "", 400);
    JsonNode emptyKey = withoutInstance(validate(trial, "text/csv", badRow, ""));
    assertThat(emptyKey.path("violations").get(0).path("field").asText())
        .isEqualTo("Idempotency-Key");
    // a valid batch with an empty key is not stored either
    String valid = HEADER + "MG-0001,W0,E-2,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n";
    assertSameProblem("text/csv", valid, "", 400);

    assertSameProblem("application/x-ndjson", "not json\nat all", null, 422);
    JsonNode lines =
        withoutInstance(validate(trial, "application/x-ndjson", "not json\nat all", null));
    assertThat(lines.path("violations").findValuesAsText("message"))
        .contains("is not well-formed JSON");
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isZero();
  }

  private void assertSameProblem(String type, String body, String key, int status)
      throws Exception {
    Response checked = validate(trial, type, body, key);
    Response posted = post(trial, type, body, key);
    assertThat(checked.statusCode()).as(checked.asString()).isEqualTo(status);
    assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(status);
    assertThat(withoutInstance(checked)).isEqualTo(withoutInstance(posted));
  }

  private static JsonNode withoutInstance(Response response) throws Exception {
    ObjectNode problem = (ObjectNode) JSON.readTree(response.asString());
    problem.remove("instance");
    return problem;
  }

  private static Response validate(String trialId, String contentType, String body, String key) {
    RequestSpecification request =
        as("pipeline", ResultsApi.CONSORTIUM)
            .contentType(contentType)
            .body(body.getBytes(StandardCharsets.UTF_8));
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + trialId + "/results/validate");
  }

  private long count(String sql, String... parameters) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
