package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Results that failed quality control enter no statistic: not the values, the changes from
 * baseline, the arm comparison, nor derived values computed from them; summaries count them (and
 * the WARN values they do use) beside n. A correction keeps the QC verdict unless it states one.
 * Every expected number is worked out by hand in the test.
 */
@QuarkusTest
class SummaryQcTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  /**
   * IL-6 (pg/mL, stored as reported). Probiotic QC-A1..A3, Placebo QC-B1..B3.
   *
   * <pre>
   *          W0 (baseline)   W8
   *   QC-A1  2               3, and a later sample 100 FAIL
   *   QC-A2  3               5 WARN
   *   QC-A3  4 FAIL          9
   *   QC-B1  5               6
   *   QC-B2  6 WARN          8 FAIL
   *   QC-B3  7               10
   * </pre>
   */
  @BeforeEach
  void trialWithQcVerdicts() throws Exception {
    trial = TrialEventsProducer.newTrialId();
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(TrialEventsProducer.trialView(trial, 2, "NONE", "Placebo"));
      List.of("QC-A1", "QC-A2", "QC-A3").forEach(p -> events.enrolled(trial, p, "Probiotic"));
      List.of("QC-B1", "QC-B2", "QC-B3").forEach(p -> events.enrolled(trial, p, "Placebo"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> snapshots.trial(trial).isPresent() && snapshots.allocations(trial).size() == 6);

    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(il6("QC-A1", "W0", 2, "PASS", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-A2", "W0", 3, "PASS", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-A3", "W0", 4, "FAIL", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-B1", "W0", 5, "PASS", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-B2", "W0", 6, "WARN", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-B3", "W0", 7, "PASS", "2026-03-01T08:00:00Z"));
    rows.add(il6("QC-A1", "W8", 3, "PASS", "2026-05-01T08:00:00Z"));
    rows.add(
        with(il6("QC-A1", "W8", 100, "FAIL", "2026-05-02T08:00:00Z"), "sampleId", "QC-A1-W8-b"));
    rows.add(il6("QC-A2", "W8", 5, "WARN", "2026-05-01T08:00:00Z"));
    rows.add(il6("QC-A3", "W8", 9, "PASS", "2026-05-01T08:00:00Z"));
    rows.add(il6("QC-B1", "W8", 6, "PASS", "2026-05-01T08:00:00Z"));
    rows.add(il6("QC-B2", "W8", 8, "FAIL", "2026-05-01T08:00:00Z"));
    rows.add(il6("QC-B3", "W8", 10, "PASS", "2026-05-01T08:00:00Z"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  @Test
  void failedResultsEnterNoPooledStatisticAndAreCounted() {
    // used at W8: A1 3 (its later FAIL sample left out, not preferred), A2 5 (WARN), A3 9, B1 6,
    // B3 10; B2's only W8 value failed. n = 5, mean 33/5 = 6.6; deviations -3.6 -1.6 2.4 -0.6 3.4,
    // squares 12.96 + 2.56 + 5.76 + 0.36 + 11.56 = 33.2, / 4 = 8.3; sorted 3 5 6 9 10: median 6,
    // q1 (h = 1) 5, q3 (h = 3) 9
    JsonPath pooled = summary("IL6", "visit=W8");
    assertThat(pooled.getInt("pooled.n")).isEqualTo(5);
    assertThat(pooled.getInt("pooled.nCensored")).isZero();
    assertThat(pooled.getInt("pooled.nQcFail")).isEqualTo(2);
    assertThat(pooled.getInt("pooled.nQcWarn")).isEqualTo(1);
    assertThat(pooled.getDouble("pooled.mean")).isCloseTo(6.6, within(EPS));
    assertThat(pooled.getDouble("pooled.sd")).isCloseTo(Math.sqrt(8.3), within(EPS));
    assertThat(pooled.getDouble("pooled.median")).isCloseTo(6, within(EPS));
    assertThat(pooled.getDouble("pooled.q1")).isCloseTo(5, within(EPS));
    assertThat(pooled.getDouble("pooled.q3")).isCloseTo(9, within(EPS));
    assertThat(pooled.getDouble("pooled.max")).isCloseTo(10, within(EPS));
  }

  @Test
  void failedResultsEnterNoArmComparison() {
    // Probiotic 3, 5, 9: mean 17/3, s² = (64 + 4 + 100)/9 / 2 = 84/9; Placebo 6, 10: mean 8,
    // s² = 8. SE² = 84/27 + 8/2 = 64/9, SE = 8/3; t = (17/3 − 8)/(8/3) = −0.875;
    // df = (64/9)² / ((28/9)²/2 + 4²/1) = 4096/1688. p: SciPy, reference/pvalues.json
    // "summary_qc_arms"
    JsonPath byArm = summary("IL6", "visit=W8&by=arm");
    assertThat(byArm.getInt("arms[0].statistics.n")).isEqualTo(3);
    assertThat(byArm.getInt("arms[0].statistics.nQcFail")).isEqualTo(1);
    assertThat(byArm.getInt("arms[0].statistics.nQcWarn")).isEqualTo(1);
    assertThat(byArm.getInt("arms[1].statistics.n")).isEqualTo(2);
    assertThat(byArm.getInt("arms[1].statistics.nQcFail")).isEqualTo(1);
    assertThat(byArm.getInt("arms[1].statistics.nQcWarn")).isZero();
    assertThat(byArm.getDouble("comparison.meanDifference")).isCloseTo(-7.0 / 3, within(EPS));
    assertThat(byArm.getDouble("comparison.welchT")).isCloseTo(-0.875, within(EPS));
    assertThat(byArm.getDouble("comparison.welchDf")).isCloseTo(4096.0 / 1688, within(EPS));
    assertThat(byArm.getDouble("comparison.welchP")).isCloseTo(0.45950318937037826, within(1e-9));
  }

  @Test
  void failedResultsAtEitherVisitEnterNoChangeFromBaseline() {
    // A1 3 − 2 = 1, A2 5 − 3 = 2 (WARN at W8), B1 6 − 5 = 1, B3 10 − 7 = 3; A3's baseline and
    // B2's W8 failed. n = 4, mean 7/4; FAIL results read: A1's W8 b, B2 W8, A3 W0
    JsonPath change = summary("IL6", "visit=W8&change=true");
    assertThat(change.getInt("pooled.n")).isEqualTo(4);
    assertThat(change.getDouble("pooled.mean")).isCloseTo(1.75, within(EPS));
    assertThat(change.getInt("pooled.nQcFail")).isEqualTo(3);
    assertThat(change.getInt("pooled.nQcWarn")).isEqualTo(1);
  }

  @Test
  void aCorrectionKeepsTheQcVerdictUnlessItStatesOne() throws Exception {
    long a3Baseline = resultId("QC-A3", "W0", "IL6");
    correct(a3Baseline, Map.of("value", "4.5", "unit", "pg/mL", "reason", "re-read the plate"));

    JsonPath history = history(a3Baseline);
    assertThat(history.getList("revisions.qcStatus")).containsExactly("FAIL", "FAIL");
    // still failed: the change summary is as before
    assertThat(summary("IL6", "visit=W8&change=true").getInt("pooled.n")).isEqualTo(4);

    correct(
        a3Baseline,
        Map.of("value", "4.5", "unit", "pg/mL", "qcStatus", "PASS", "reason", "re-assayed"));

    // A3 now has 9 − 4.5 = 4.5: changes 1, 2, 4.5, 1, 3, mean 11.5/5 = 2.3
    JsonPath change = summary("IL6", "visit=W8&change=true");
    assertThat(change.getInt("pooled.n")).isEqualTo(5);
    assertThat(change.getDouble("pooled.mean")).isCloseTo(2.3, within(EPS));
    assertThat(change.getInt("pooled.nQcFail")).isEqualTo(2);
  }

  @Test
  void aRatioOfAFailedInputFailsAndStaysFailedUntilItsInputPasses() throws Exception {
    // A1: KYN 2 / TRP 50 (FAIL) × 1000 = 40 umol/mmol, FAIL; A2: KYN 3 / TRP 100 × 1000 = 30
    List<Map<String, Object>> rows =
        List.of(
            metabolite("QC-A1", "QC-K1", "KYN", 2, "PASS"),
            metabolite("QC-A1", "QC-K1", "TRP", 50, "FAIL"),
            metabolite("QC-A2", "QC-K2", "KYN", 3, "PASS"),
            metabolite("QC-A2", "QC-K2", "TRP", 100, "PASS"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);

    JsonPath ratio = summary("KYN_TRP_RATIO", "visit=W8");
    assertThat(ratio.getInt("pooled.n")).isEqualTo(1);
    assertThat(ratio.getDouble("pooled.mean")).isCloseTo(30, within(EPS));
    assertThat(ratio.getInt("pooled.nQcFail")).isEqualTo(1);

    // a new TRP value without a verdict keeps FAIL: 2 / 40 × 1000 = 50, recomputed, still FAIL
    long trp = resultId("QC-A1", "W8", "TRP");
    correct(trp, Map.of("value", "40", "unit", "umol/L", "reason", "dilution factor"));
    long a1Ratio = resultId("QC-A1", "W8", "KYN_TRP_RATIO");
    JsonPath ratioHistory = history(a1Ratio);
    assertThat(ratioHistory.getList("revisions.qcStatus")).containsExactly("FAIL", "FAIL");
    assertThat(ratioHistory.getDouble("revisions[1].standardValue")).isCloseTo(50, within(EPS));
    assertThat(summary("KYN_TRP_RATIO", "visit=W8").getInt("pooled.n")).isEqualTo(1);

    // the lab passes the re-assayed TRP: the ratio passes too, values 50 and 30, mean 40
    correct(
        trp, Map.of("value", "40", "unit", "umol/L", "qcStatus", "PASS", "reason", "re-assayed"));
    ratio = summary("KYN_TRP_RATIO", "visit=W8");
    assertThat(ratio.getInt("pooled.n")).isEqualTo(2);
    assertThat(ratio.getDouble("pooled.mean")).isCloseTo(40, within(EPS));
    assertThat(ratio.getInt("pooled.nQcFail")).isZero();
  }

  private static Map<String, Object> il6(
      String participant, String visit, double value, String qc, String collectedAt) {
    return with(
        row(participant, visit, participant + "-" + visit, "IL6"),
        "value",
        value,
        "qcStatus",
        qc,
        "collectedAt",
        collectedAt);
  }

  private static Map<String, Object> metabolite(
      String participant, String sample, String analyte, double value, String qc) {
    Map<String, Object> row = new LinkedHashMap<>(row(participant, "W8", sample, analyte));
    row.put("value", value);
    row.put("unit", "umol/L");
    row.put("qcStatus", qc);
    row.put("collectedAt", "2026-05-01T08:00:00Z");
    return row;
  }

  private JsonPath summary(String analyte, String query) {
    return as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/" + analyte + "?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private long resultId(String participant, String visit, String analyte) {
    List<Long> ids =
        as("reader", CONSORTIUM)
            .queryParam("participant", participant)
            .queryParam("visit", visit)
            .queryParam("analyte", analyte)
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", Long.class);
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  private void correct(long resultId, Map<String, Object> body) throws Exception {
    as("pipeline", CONSORTIUM)
        .contentType("application/json")
        .body(JSON.writeValueAsString(body))
        .post("/api/v1/trials/" + trial + "/results/" + resultId + "/corrections")
        .then()
        .statusCode(201);
  }

  private JsonPath history(long resultId) {
    return as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/" + resultId + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }
}
