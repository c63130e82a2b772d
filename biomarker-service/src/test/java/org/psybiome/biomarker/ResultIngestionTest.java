package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** Result batches through the HTTP API, for a trial made known by trial events. */
@QuarkusTest
class ResultIngestionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void aJsonBatchIsStoredInStandardUnits() throws Exception {
    List<Map<String, Object>> rows =
        List.of(
            row("MG-0001", "W0", "S-1", "IL6"),
            with(
                row("MG-0001", "W0", "S-1", "CORTISOL_AM"),
                "value",
                "10",
                "unit",
                "µg/dL",
                "qcStatus",
                "WARN"),
            // cortisol is pre-registered at W0 (HPA panel) but not at W8: stored, flagged
            with(row("MG-0002", "W8", "S-2", "CORTISOL_AM"), "value", 12.5, "unit", "ug/dL"),
            with(row("MG-0002", "W8", "S-2", "IL6"), "value", 0.5, "comparator", "<"),
            with(row("MG-0003", "W8", "S-3", "HAMD17"), "value", 17, "unit", "{score}"));

    var response = post(trial, "application/json", JSON.writeValueAsString(rows), null);
    response
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/v1/batches/"))
        .body("trialId", equalTo(trial))
        .body("rows", equalTo(5))
        .body("censored", equalTo(1))
        .body("unregistered", equalTo(1))
        .body("analytes", contains("CORTISOL_AM", "HAMD17", "IL6"))
        .body("visits", contains("W0", "W8"))
        .body("submittedBy", equalTo("pipeline@MINDGUT"));
    String batchId = response.jsonPath().getString("id");
    assertThat(response.header("Location")).endsWith("/api/v1/batches/" + batchId);

    Map<String, Result> stored = storedRows(trial);
    assertThat(stored).hasSize(5);
    // 10 ug/dL = 100 ug/L = 100 000 ng/L; / 362.46 g/mol = 275.8925 nmol/L
    Result am = stored.get("S-1/CORTISOL_AM");
    assertThat(am.standardValue()).isCloseTo(new BigDecimal("275.8925"), within("0.0001"));
    assertThat(am.standardUnit()).isEqualTo("nmol/L");
    assertThat(am.originalValue()).isEqualByComparingTo("10");
    assertThat(am.originalUnit()).isEqualTo("µg/dL");
    assertThat(am.registered()).isTrue();
    assertThat(am.qcStatus()).isEqualTo("WARN");
    assertThat(am.specimen()).isEqualTo("SERUM");
    // 12.5 ug/dL = 125 000 ng/L; / 362.46 = 344.8656 nmol/L
    Result w8 = stored.get("S-2/CORTISOL_AM");
    assertThat(w8.standardValue()).isCloseTo(new BigDecimal("344.8656"), within("0.0001"));
    assertThat(w8.registered()).isFalse();
    Result censored = stored.get("S-2/IL6");
    assertThat(censored.censored()).isTrue();
    assertThat(censored.comparator()).isEqualTo("<");
    assertThat(censored.standardValue()).isEqualByComparingTo("0.5");
    Result il6 = stored.get("S-1/IL6");
    assertThat(il6.censored()).isFalse();
    assertThat(il6.qcStatus()).isEqualTo("PASS");
    assertThat(stored.get("S-3/HAMD17").registered()).isTrue();

    as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/batches/" + batchId)
        .then()
        .statusCode(200)
        .body("id", equalTo(batchId))
        .body("rows", equalTo(5))
        .body("receivedAt", equalTo(response.jsonPath().getString("receivedAt")));
    as("reader", "OTHERCONS").get("/api/v1/batches/" + batchId).then().statusCode(404);
    as("curator", ResultsApi.CONSORTIUM).get("/api/v1/batches/" + batchId).then().statusCode(403);
  }

  @Test
  void ndjsonCsvAndWrappedJsonAreAccepted() throws Exception {
    String ndjson =
        JSON.writeValueAsString(row("MG-0001", "W0", "N-1", "IL6"))
            + "\n"
            + JSON.writeValueAsString(
                with(row("MG-0001", "W0", "N-1", "CORTISOL_AM"), "value", 10, "unit", "µg/dL"))
            + "\n";
    post(trial, "application/x-ndjson", ndjson, null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(2));

    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n"
            + "MG-0002,W0,C-1,2026-03-01T08:15:00Z,CORTISOL_AM,10,µg/dL,\n"
            + "MG-0002,W0,C-1,2026-03-01T08:15:00Z,IL6,\"0.2\",pg/mL,<\n";
    post(trial, "text/csv", csv, null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(2))
        .body("censored", equalTo(1));

    String wrapped =
        JSON.writeValueAsString(Map.of("rows", List.of(row("MG-0003", "W8", "J-1", "IL6"))));
    post(trial, "application/json", wrapped, null).then().statusCode(201).body("rows", equalTo(1));

    Map<String, Result> stored = storedRows(trial);
    assertThat(stored).hasSize(5);
    assertThat(stored.get("N-1/CORTISOL_AM").standardValue())
        .isCloseTo(new BigDecimal("275.8925"), within("0.0001"));
    assertThat(stored.get("C-1/CORTISOL_AM").standardValue())
        .isCloseTo(new BigDecimal("275.8925"), within("0.0001"));
    assertThat(stored.get("C-1/IL6").censored()).isTrue();
    assertThat(stored.get("C-1/IL6").comparator()).isEqualTo("<");
  }

  @Test
  void aBadBatchListsEveryBadRowAndStoresNothing() throws Exception {
    Map<String, Object> good = row("MG-0001", "W0", "B-1", "IL6");
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(good); // 1
    rows.add(with(row("MG-0001", "W0", "B-2", "IL6"), "participant", "MG-9999")); // 2
    rows.add(with(row("MG-0001", "W0", "B-3", "IL6"), "visit", "W99")); // 3
    rows.add(row("MG-0001", "W0", "B-4", "NOT_AN_ANALYTE")); // 4
    rows.add(with(row("MG-0001", "W0", "B-5", "IL6"), "value", 5000)); // 5: 5000 > 1000 pg/mL
    rows.add(with(row("MG-0001", "W0", "B-6", "IL6"), "unit", "mmol/L")); // 6
    rows.add(with(row("MG-0001", "W0", "B-7", "IL6"), "collectedAt", "yesterday")); // 7
    rows.add(with(row("MG-0001", "W0", "B-8", "IL6"), "value", "2,5")); // 8
    rows.add(row("MG-0002", "W0", "B-1", "IL6")); // 9: same sample and analyte as row 1
    rows.add(with(row("MG-0001", "W0", "B-10", "IL6"), "sampleId", null)); // 10
    rows.add(with(row("MG-0001", "W0", "B-11", "IL6"), "comparator", "<=")); // 11
    // 1 µg/dL cortisol is 27.59 nmol/L: plausible; 100 mg/dL would be 2.759e6 nmol/L: not
    rows.add(
        with(row("MG-0001", "W0", "B-12", "CORTISOL_AM"), "value", 100, "unit", "mg/dL")); // 12

    var problem =
        post(trial, "application/json", JSON.writeValueAsString(rows), null)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("violations", hasSize(11))
            .extract()
            .jsonPath();
    assertThat(violation(problem, 2)).containsEntry("field", "participant");
    assertThat(violation(problem, 3)).containsEntry("field", "visit");
    assertThat(violation(problem, 4)).containsEntry("field", "analyte");
    assertThat(violation(problem, 5)).containsEntry("field", "value");
    assertThat(violation(problem, 6)).containsEntry("field", "unit");
    assertThat(violation(problem, 7)).containsEntry("field", "collectedAt");
    assertThat(violation(problem, 8)).containsEntry("field", "value");
    assertThat(violation(problem, 9)).containsEntry("field", "sampleId");
    assertThat((String) violation(problem, 9).get("message")).contains("row 1");
    assertThat(violation(problem, 10)).containsEntry("field", "sampleId");
    assertThat(violation(problem, 11)).containsEntry("field", "comparator");
    assertThat(violation(problem, 12)).containsEntry("field", "value");
    assertThat(problem.getString("detail")).contains("11 violations in 11 rows");
    assertThat(storedRows(trial)).isEmpty();

    // the rows of a CSV are numbered from the first line after the header
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
            + "MG-0001,W0,C-1,2026-03-01T08:15:00Z,IL6,1,pg/mL\n"
            + "MG-0001,W0,C-2,2026-03-01T08:15:00Z,IL6,1,furlong\n";
    post(trial, "text/csv", csv, null)
        .then()
        .statusCode(422)
        .body("violations", hasSize(1))
        .body("violations[0].row", equalTo(2))
        .body("violations[0].field", equalTo("unit"));
    assertThat(storedRows(trial)).isEmpty();
  }

  @Test
  void aSampleCannotBeReportedTwiceAcrossBatches() throws Exception {
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "D-1", "IL6")));
    post(trial, "application/json", body, null).then().statusCode(201);
    post(trial, "application/json", body, null)
        .then()
        .statusCode(422)
        .body("violations[0].row", equalTo(1))
        .body("violations[0].field", equalTo("sampleId"));
    assertThat(storedRows(trial)).hasSize(1);
  }

  @Test
  void onlyThePipelineOfTheOwningConsortiumPostsToAKnownLiveTrial() throws Exception {
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "A-1", "IL6")));
    String path = "/api/v1/trials/" + trial + "/results";
    as("reader", ResultsApi.CONSORTIUM)
        .contentType("application/json")
        .body(body)
        .post(path)
        .then()
        .statusCode(403);
    as("pipeline", "OTHERCONS")
        .contentType("application/json")
        .body(body)
        .post(path)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(body)
        .post(path)
        .then()
        .statusCode(401);
    post("PSB-2026-999999", "application/json", body, null).then().statusCode(404);
    post(trial, "application/xml", "<rows/>", null).then().statusCode(415);
    assertThat(storedRows(trial)).isEmpty();

    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.statusChanged(trial, 3, "RECRUITING", "WITHDRAWN");
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> snapshots.trial(trial).orElseThrow().withdrawn());
    post(trial, "application/json", body, null)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(storedRows(trial)).isEmpty();
  }

  @Test
  void malformedBodiesAreRefused() {
    post(trial, "application/json", "[{\"participant\": ", null).then().statusCode(400);
    post(trial, "application/json", "{\"participant\": \"MG-0001\"}", null).then().statusCode(400);
    post(trial, "application/json", "[]", null).then().statusCode(422);
    post(trial, "text/csv", "participant,visit,nope\nMG-0001,W0,x\n", null)
        .then()
        .statusCode(422)
        .body("violations.field", org.hamcrest.Matchers.hasItems("nope", "analyte", "unit"));
    String ndjson = "{\"participant\": \"MG-0001\"\nnot json\n";
    post(trial, "application/x-ndjson", ndjson, null)
        .then()
        .statusCode(422)
        .body("violations.row", org.hamcrest.Matchers.hasItems(1, 2));
  }

  private static org.assertj.core.data.Offset<BigDecimal> within(String offset) {
    return org.assertj.core.data.Offset.offset(new BigDecimal(offset));
  }

  /**
   * A batch's rows are written to disk grouped by analyte, then visit, then participant, whatever
   * order the pipeline sent them in (here participant by participant, the participants out of
   * order), so one analyte at one visit — what a summary reads — lies together. Rows of the same
   * analyte, visit and participant keep the batch's order (S-1Z before S-1A, against their sample
   * ids), and the ids follow the batch's order, so listings and exports by id keep it.
   */
  @Test
  void aBatchIsStoredGroupedByAnalyteVisitAndParticipant() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String participant : List.of("MG-0003", "MG-0001", "MG-0002")) {
      for (String visit : List.of("W8", "W0")) {
        String sample = participant + "-" + visit;
        if (participant.equals("MG-0001") && visit.equals("W0")) {
          rows.add(row(participant, visit, "S-1Z", "IL6"));
        }
        rows.add(row(participant, visit, sample, "IL6"));
        rows.add(
            with(row(participant, visit, sample + "-Q", "HAMD17"), "value", 17, "unit", "{score}"));
        if (participant.equals("MG-0001") && visit.equals("W0")) {
          rows.add(row(participant, visit, "S-1A", "IL6"));
        }
      }
    }
    post(trial, "application/json", JSON.writeValueAsString(rows), null)
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201);

    // ctid: where each row lies in the table's heap
    assertThat(storedInOrder("ctid"))
        .containsExactly(
            "HAMD17 W0 MG-0001 MG-0001-W0-Q",
            "HAMD17 W0 MG-0002 MG-0002-W0-Q",
            "HAMD17 W0 MG-0003 MG-0003-W0-Q",
            "HAMD17 W8 MG-0001 MG-0001-W8-Q",
            "HAMD17 W8 MG-0002 MG-0002-W8-Q",
            "HAMD17 W8 MG-0003 MG-0003-W8-Q",
            "IL6 W0 MG-0001 S-1Z",
            "IL6 W0 MG-0001 MG-0001-W0",
            "IL6 W0 MG-0001 S-1A",
            "IL6 W0 MG-0002 MG-0002-W0",
            "IL6 W0 MG-0003 MG-0003-W0",
            "IL6 W8 MG-0001 MG-0001-W8",
            "IL6 W8 MG-0002 MG-0002-W8",
            "IL6 W8 MG-0003 MG-0003-W8");
    assertThat(storedInOrder("id"))
        .containsExactlyElementsOf(
            rows.stream()
                .map(
                    r ->
                        String.join(
                            " ",
                            (String) r.get("analyte"),
                            (String) r.get("visit"),
                            (String) r.get("participant"),
                            (String) r.get("sampleId")))
                .toList());
  }

  /** The trial's stored rows as "analyte visit participant sample", in the given order. */
  private List<String> storedInOrder(String orderBy) throws Exception {
    List<String> stored = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT analyte_code, visit_code, participant_code, sample_id FROM result"
                    + " WHERE trial_id = ? ORDER BY "
                    + orderBy)) {
      select.setString(1, trial);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          stored.add(
              String.join(
                  " ", row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
        }
      }
    }
    return stored;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> violation(JsonPath problem, int row) {
    List<Map<String, Object>> violations = problem.getList("violations");
    return violations.stream()
        .filter(v -> Integer.valueOf(row).equals(v.get("row")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no violation for row " + row + ": " + violations));
  }

  record Result(
      BigDecimal originalValue,
      String originalUnit,
      BigDecimal standardValue,
      String standardUnit,
      String comparator,
      boolean censored,
      boolean registered,
      String qcStatus,
      String specimen) {}

  /** The stored results of the trial by "sampleId/analyte", read straight from the database. */
  private Map<String, Result> storedRows(String trialId) throws Exception {
    Map<String, Result> rows = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sample_id, analyte_code, original_value, original_unit, standard_value,"
                    + " standard_unit, comparator, censored, registered, qc_status, specimen"
                    + " FROM result WHERE trial_id = ?")) {
      select.setString(1, trialId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.put(
              row.getString(1) + "/" + row.getString(2),
              new Result(
                  row.getBigDecimal(3),
                  row.getString(4),
                  row.getBigDecimal(5),
                  row.getString(6),
                  row.getString(7),
                  row.getBoolean(8),
                  row.getBoolean(9),
                  row.getString(10),
                  row.getString(11)));
        }
      }
    }
    return rows;
  }
}
