package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Every read sees results as corrected: the results query, the export and the summaries. The
 * corrections are written straight into result_correction, standing in for the correction API that
 * is built separately; what is checked here is only that reads go through current_result.
 */
@QuarkusTest
class CorrectedResultReadsTest {

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private String trial;

  /** IL-6 at W8: MG-0001 2, MG-0002 4, MG-0003 6 (pg/mL, the standard unit). */
  @BeforeEach
  void resultsWithCorrections() throws SQLException {
    trial = ResultsApi.registeredTrial(snapshots);
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
            + "MG-0001,W8,C-1,2026-05-01T08:15:00Z,IL6,2,pg/mL\n"
            + "MG-0002,W8,C-2,2026-05-01T08:15:00Z,IL6,4,pg/mL\n"
            + "MG-0003,W8,C-3,2026-05-01T08:15:00Z,IL6,6,pg/mL\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);
    // MG-0003: corrected twice, the latest (9, WARN) is in force
    correct(resultId("MG-0003"), "8", null, "PASS");
    correct(resultId("MG-0003"), "9", null, "WARN");
    // MG-0001: corrected to below the limit of quantification
    correct(resultId("MG-0001"), "0.5", "<", "PASS");
  }

  @Test
  void theResultsQueryShowsTheCorrectedValues() {
    JsonPath page =
        as("reader", CONSORTIUM)
            .queryParam("analyte", "IL6")
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(page.getList("items.participant")).containsExactly("MG-0001", "MG-0002", "MG-0003");
    assertThat(page.getList("items.corrected")).containsExactly(true, false, true);
    assertThat(page.getList("items.value", BigDecimal.class))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.5"), new BigDecimal("4"), new BigDecimal("9"));
    assertThat(page.getList("items.comparator")).containsExactly("<", null, null);
    assertThat(page.getList("items.censored")).containsExactly(true, false, false);
    assertThat(page.getList("items.qcStatus")).containsExactly("PASS", "PASS", "WARN");
    assertThat(page.getString("items[1].correctedAt")).isNull();
    assertThat(page.getString("items[2].correctedAt")).isNotNull();
  }

  @Test
  void theExportShowsTheCorrectedValues() throws Exception {
    List<Map<String, String>> rows =
        ResultExportTest.csv(
            as("reader", CONSORTIUM)
                .get("/api/v1/trials/" + trial + "/results/export")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(rows).extracting(r -> r.get("standardValue")).containsExactly("0.5", "4", "9");
    assertThat(rows).extracting(r -> r.get("corrected")).containsExactly("true", "false", "true");
    assertThat(rows).extracting(r -> r.get("censored")).containsExactly("true", "false", "false");
  }

  @Test
  void summariesUseTheCorrectedValues() {
    // non-censored as corrected: MG-0002 4 and MG-0003 9; MG-0001 is now censored
    JsonPath summary =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(summary.getInt("pooled.n")).isEqualTo(2);
    assertThat(summary.getInt("pooled.nCensored")).isEqualTo(1);
    assertThat(summary.getDouble("pooled.mean")).isCloseTo(6.5, within(1e-6));
    assertThat(summary.getDouble("pooled.max")).isCloseTo(9, within(1e-6));
  }

  /**
   * The counts read the results joined to their latest corrections (not the view): a correction to
   * below the limit counts as censored, a later one back above it does not, and a censored result
   * corrected to a value is no longer counted as censored.
   */
  @Test
  void countsFollowTheLatestCorrectionOfTheCensoredFlag() throws SQLException {
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n"
            + "MG-0002,W0,C-5,2026-03-01T08:15:00Z,IL6,0.1,pg/mL,<\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);
    // W0: MG-0002 censored as ingested; W8: MG-0001 corrected to "< 0.5"
    assertCounts(List.of(1, 3), List.of(1, 1));

    correct(resultId("MG-0001", "W8"), "1.2", null, "PASS");
    correct(resultId("MG-0002", "W0"), "3", null, "PASS");
    assertCounts(List.of(1, 3), List.of(0, 0));
  }

  private void assertCounts(List<Integer> results, List<Integer> censored) {
    JsonPath counts =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/counts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(counts.getList("counts.visit")).containsExactly("W0", "W8");
    assertThat(counts.getList("counts.analyte")).containsExactly("IL6", "IL6");
    assertThat(counts.getList("counts.results", Integer.class)).isEqualTo(results);
    assertThat(counts.getList("counts.censored", Integer.class)).isEqualTo(censored);
  }

  private long resultId(String participant, String visit) {
    return as("reader", CONSORTIUM)
        .queryParam("participant", participant)
        .queryParam("visit", visit)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("items[0].id");
  }

  @Test
  void aFilterOutsideTheScheduleOrCatalogueIsAProblem() {
    as("reader", CONSORTIUM)
        .queryParam("visit", "W99")
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("visit"));
    as("reader", CONSORTIUM)
        .queryParam("analyte", "NOPE")
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("analyte"));
  }

  /** The results set up before each test are all at W8. */
  private long resultId(String participant) {
    return resultId(participant, "W8");
  }

  private void correct(long resultId, String value, String comparator, String qc)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO result_correction (result_id, trial_id, original_value,"
                    + " original_unit, standard_value, standard_unit, comparator, censored,"
                    + " qc_status, reason, corrected_by)"
                    + " VALUES (?, ?, ?, 'pg/mL', ?, 'pg/mL', ?, ?, ?, 'test', 'test')")) {
      insert.setLong(1, resultId);
      insert.setString(2, trial);
      insert.setBigDecimal(3, new BigDecimal(value));
      insert.setBigDecimal(4, new BigDecimal(value));
      insert.setString(5, comparator);
      insert.setBoolean(6, comparator != null);
      insert.setString(7, qc);
      insert.executeUpdate();
    }
  }
}
