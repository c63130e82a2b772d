package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * GET /trials/{id}/response: HAMD17 at W0 (baseline) and W8 in two arms, counted by hand:
 *
 * <pre>
 *   PROBIOTIC  W0  W8
 *   R-P1       24  15 then 10 (the later one counts)  −58 %  responder
 *   R-P2       20   6                                  −70 %  responder, remitter (≤ 7)
 *   R-P3       22  11                                  −50 %  responder (exactly 50 %)
 *   R-P4       18  12, and a later 2 that failed QC    −33 %
 *   R-P5        0   4                                  baseline 0: not evaluable; remitter
 *   R-P6       26   –                                  missing at W8
 *   → allocated 6, evaluable 4, responders 3; with a W8 score 5, remitters 2
 *   PLACEBO
 *   R-Q1       22  18                                  −18 %
 *   R-Q2       20   9                                  −55 %  responder
 *   R-Q3       25  20                                  −20 %
 *   R-Q4       19   7                                  −63 %  responder, remitter
 *   R-Q5        –  15                                  missing at baseline
 *   → allocated 5, evaluable 4, responders 2; with a W8 score 5, remitters 1
 *   pooled: allocated 11, evaluable 8, responders 5; with a W8 score 10, remitters 3
 * </pre>
 *
 * Intervals and comparisons of these counts from {@code reference/response_rates.json}
 * (statsmodels, {@code response_rates.py}), to 1e-9 relative.
 */
@QuarkusTest
class ResponseAnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);
  private static JsonNode fixture;

  @Inject TrialSnapshots snapshots;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in =
        ResponseAnalysisTest.class.getResourceAsStream("/reference/response_rates.json")) {
      fixture = JSON.readTree(in);
    }
  }

  /** participant, arm, W0, W8 (null: no score). */
  private static final Object[][] SCORES = {
    {"R-P1", "PROBIOTIC", 24, 10},
    {"R-P2", "PROBIOTIC", 20, 6},
    {"R-P3", "PROBIOTIC", 22, 11},
    {"R-P4", "PROBIOTIC", 18, 12},
    {"R-P5", "PROBIOTIC", 0, 4},
    {"R-P6", "PROBIOTIC", 26, null},
    {"R-Q1", "PLACEBO", 22, 18},
    {"R-Q2", "PLACEBO", 20, 9},
    {"R-Q3", "PLACEBO", 25, 20},
    {"R-Q4", "PLACEBO", 19, 7},
    {"R-Q5", "PLACEBO", null, 15},
  };

  private String trial(String masking) throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> record =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, masking, "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            null);
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (Object[] p : SCORES) {
        String arm = (String) p[1];
        events.enrolled(id, (String) p[0], arm.equals("PLACEBO") ? "Placebo" : "Probiotic", arm);
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.allocations(id).size() == SCORES.length);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] p : SCORES) {
      String code = (String) p[0];
      if (p[2] != null) {
        rows.add(hamd(code, "W0", "", p[2], "2026-03-01T08:00:00Z"));
      }
      if (p[3] != null) {
        rows.add(hamd(code, "W8", "", p[3], "2026-04-26T08:00:00Z"));
      }
    }
    // an earlier W8 score of R-P1 (the later one is its score), a later failed one of R-P4
    rows.add(hamd("R-P1", "W8", "-early", 15, "2026-04-25T08:00:00Z"));
    rows.add(with(hamd("R-P4", "W8", "-fail", 2, "2026-04-27T08:00:00Z"), "qcStatus", "FAIL"));
    // an IL-6 result, so that the trial has results of an analyte that is no scale
    rows.add(with(row("R-P1", "W8", "R-P1-W8-IL6", "IL6"), "value", 3.1));
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    return id;
  }

  private static Map<String, Object> hamd(
      String participant, String visit, String suffix, Object value, String collectedAt) {
    return with(
        row(participant, visit, participant + "-" + visit + "-HAMD" + suffix, "HAMD17"),
        "value",
        value,
        "unit",
        "{score}",
        "collectedAt",
        collectedAt);
  }

  @Test
  void respondersAndRemittersPerArmWithComparisonsToPlacebo() throws Exception {
    String id = trial("NONE");
    JsonPath answer = get("statistician", id, "scale=HAMD17&visit=W8");
    assertThat(answer.getString("scale")).isEqualTo("HAMD17");
    assertThat(answer.getString("baselineVisit")).isEqualTo("W0");
    assertThat(answer.getBoolean("byArm")).isTrue();
    assertThat(answer.getString("windowHandling")).isEqualTo("exclude");
    assertThat(answer.getDouble("definition.responseReduction")).isEqualTo(50.0);
    assertThat(answer.getDouble("definition.remissionMax")).isEqualTo(7.0);
    assertThat(answer.getString("definition.remissionSource")).isEqualTo("CATALOGUE");
    assertThat(answer.getString("comparatorArm")).isEqualTo("PLACEBO");
    assertThat(answer.getList("arms.arm")).containsExactly("PROBIOTIC", "PLACEBO");

    group(answer, "pooled", 11, 8, 1, 1, 0, 1);
    group(answer, "arms[0].figures", 6, 4, 1, 0, 0, 1);
    group(answer, "arms[1].figures", 5, 4, 0, 1, 0, 0);
    assertThat(answer.getString("arms[0].figures.notEvaluable[0].reason"))
        .isEqualTo("BASELINE_ZERO");
    assertThat(answer.getInt("arms[0].figures.notEvaluable[0].n")).isEqualTo(1);

    rate(answer, "pooled.response.completeCase", 5, 8);
    rate(answer, "pooled.response.missingAsNonResponder", 5, 11);
    rate(answer, "pooled.remission.completeCase", 3, 10);
    rate(answer, "pooled.remission.missingAsNonResponder", 3, 11);
    rate(answer, "arms[0].figures.response.completeCase", 3, 4);
    rate(answer, "arms[0].figures.response.missingAsNonResponder", 3, 6);
    rate(answer, "arms[0].figures.remission.completeCase", 2, 5);
    rate(answer, "arms[0].figures.remission.missingAsNonResponder", 2, 6);
    rate(answer, "arms[1].figures.response.completeCase", 2, 4);
    rate(answer, "arms[1].figures.response.missingAsNonResponder", 2, 5);
    rate(answer, "arms[1].figures.remission.completeCase", 1, 5);
    rate(answer, "arms[1].figures.remission.missingAsNonResponder", 1, 5);

    assertThat(answer.getList("comparisons")).hasSize(1);
    assertThat(answer.getString("comparisons[0].experimentalArm")).isEqualTo("PROBIOTIC");
    assertThat(answer.getString("comparisons[0].comparatorArm")).isEqualTo("PLACEBO");
    effects(answer, "comparisons[0].response.completeCase", "endpoint_response_complete_case");
    effects(
        answer,
        "comparisons[0].response.missingAsNonResponder",
        "endpoint_response_missing_as_non_responder");
    effects(answer, "comparisons[0].remission.completeCase", "endpoint_remission_complete_case");
    effects(
        answer,
        "comparisons[0].remission.missingAsNonResponder",
        "endpoint_remission_missing_as_non_responder");
    // RD 3/4 − 2/4 = 0.25: NNT(benefit) 4; the Newcombe interval (−0.32, 0.66) contains 0
    String nnt = "comparisons[0].response.completeCase.numberNeededToTreat";
    assertThat(answer.getDouble(nnt + ".value")).isCloseTo(4.0, within(1e-12));
    assertThat(answer.getString(nnt + ".direction")).isEqualTo("BENEFIT");
    assertThat(answer.getBoolean(nnt + ".ciIncludesInfinity")).isTrue();
    assertThat(answer.getString(nnt + ".statement"))
        .isEqualTo("NNT(benefit) 4.0 (95% CI NNT(harm) 3.1 to ∞ to NNT(benefit) 1.5)");
  }

  @Test
  void theCallersDefinitionsReplaceTheDefaults() throws Exception {
    String id = trial("NONE");
    // ≥ 60 %: P2 (70 %) and Q4 (63 %) only; remission ≤ 10: P1, P2, P5 and Q2, Q4
    JsonPath answer =
        get("statistician", id, "scale=HAMD17&visit=W8&responseReduction=60&remissionThreshold=10");
    assertThat(answer.getString("definition.remissionSource")).isEqualTo("REQUEST");
    assertThat(answer.getInt("arms[0].figures.response.completeCase.events")).isEqualTo(1);
    assertThat(answer.getInt("arms[1].figures.response.completeCase.events")).isEqualTo(1);
    assertThat(answer.getInt("arms[0].figures.remission.completeCase.events")).isEqualTo(3);
    assertThat(answer.getInt("arms[1].figures.remission.completeCase.events")).isEqualTo(2);
    // HAMA has no default remission threshold: remission is omitted, and says why
    JsonPath hama = get("statistician", id, "scale=HAMA&visit=W8");
    assertThat(hama.getString("definition.remissionOmittedReason")).contains("HAMA");
    assertThat(hama.getMap("pooled")).doesNotContainKey("remission");
    assertThat(hama.getInt("pooled.nMissingVisit")).isEqualTo(11);
    assertThat(hama.getMap("comparisons[0]")).doesNotContainKey("remission");
  }

  @Test
  void whileBlindedTheCallerGetsPooledFiguresOnly() throws Exception {
    String id = trial("DOUBLE");
    JsonPath blinded = get("blinded-statistician", id, "scale=HAMD17&visit=W8");
    assertThat(blinded.getBoolean("byArm")).isFalse();
    assertThat(blinded.getMap("")).doesNotContainKeys("arms", "comparisons", "comparatorArm");
    group(blinded, "pooled", 11, 8, 1, 1, 0, 1);
    rate(blinded, "pooled.response.completeCase", 5, 8);
    JsonPath statistician = get("statistician", id, "scale=HAMD17&visit=W8");
    assertThat(statistician.getBoolean("byArm")).isTrue();
    assertThat(statistician.getList("arms")).hasSize(2);
  }

  @Test
  void aScoreOutsideItsWindowIsMissingUnlessIncluded() throws Exception {
    // enrolled 5 January 2026; W0 windowDays 0 (5 Jan only), W8 day 56 = 2 March, windowDays 3
    //   W-A1 ACT  W0 20             W8 8 on 6 Mar (+4: out)   include: −60 %, responder
    //   W-A2 ACT  W0 20 on 6 Jan    W8 5 on 2 Mar             include: −75 %, responder; ≤ 7
    //   W-P1 PBO  W0 20             W8 15 on 2 Mar            −25 %
    // exclude: A1 missing at W8, A2 missing at baseline; evaluable P1 only; remission of A2, P1
    // include: all three evaluable, responders A1 and A2; remission of 3, A2 only (8 > 7)
    String id = TrialEventsProducer.newTrialId();
    LocalDate enrolled = LocalDate.parse("2026-01-05");
    Map<String, Object> w0 = TrialEventsProducer.visit("W0", 0, true, List.of(), List.of("HAMD17"));
    w0.put("windowDays", 0);
    Map<String, Object> w8 =
        TrialEventsProducer.visit("W8", 56, false, List.of(), List.of("HAMD17"));
    w8.put("windowDays", 3);
    Map<String, Object> record =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, "NONE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("ACT", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PBO", "Placebo", "PLACEBO_COMPARATOR")),
            "PBO");
    record.put("schedule", Map.of("visits", List.of(w0, w8)));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      events.enrolled(id, UUID.randomUUID(), "W-A1", "Probiotic", enrolled);
      events.enrolled(id, UUID.randomUUID(), "W-A2", "Probiotic", enrolled);
      events.enrolled(id, UUID.randomUUID(), "W-P1", "Placebo", enrolled);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.allocations(id).size() == 3);
    List<Map<String, Object>> rows =
        List.of(
            hamd("W-A1", "W0", "", 20, "2026-01-05T08:00:00Z"),
            hamd("W-A1", "W8", "", 8, "2026-03-06T08:00:00Z"),
            hamd("W-A2", "W0", "", 20, "2026-01-06T08:00:00Z"),
            hamd("W-A2", "W8", "", 5, "2026-03-02T08:00:00Z"),
            hamd("W-P1", "W0", "", 20, "2026-01-05T08:00:00Z"),
            hamd("W-P1", "W8", "", 15, "2026-03-02T08:00:00Z"));
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);

    JsonPath excluded = get("statistician", id, "scale=HAMD17&visit=W8");
    assertThat(excluded.getString("windowHandling")).isEqualTo("exclude");
    group(excluded, "pooled", 3, 1, 1, 1, 0, 0);
    assertThat(excluded.getInt("pooled.nOutOfWindow")).isEqualTo(1);
    assertThat(excluded.getInt("pooled.response.completeCase.events")).isEqualTo(0);
    assertThat(excluded.getInt("pooled.remission.completeCase.events")).isEqualTo(1);
    assertThat(excluded.getInt("pooled.remission.completeCase.n")).isEqualTo(2);

    JsonPath included = get("statistician", id, "scale=HAMD17&visit=W8&window=include");
    assertThat(included.getString("windowHandling")).isEqualTo("include");
    group(included, "pooled", 3, 3, 0, 0, 0, 0);
    assertThat(included.getInt("pooled.nOutOfWindow")).isEqualTo(1);
    assertThat(included.getInt("pooled.response.completeCase.events")).isEqualTo(2);
    assertThat(included.getInt("arms[0].figures.response.completeCase.events")).isEqualTo(2);
    assertThat(included.getInt("pooled.remission.completeCase.events")).isEqualTo(1);
    assertThat(included.getInt("pooled.remission.completeCase.n")).isEqualTo(3);
    assertThat(included.getString("comparatorRule")).isEqualTo("DECLARED");
    // 2/2 vs 0/1: no responder on placebo, so the ratio is half-adjusted
    assertThat(included.getString("comparisons[0].response.completeCase.riskRatio.method"))
        .isEqualTo("LOG_HALF_ADJUSTED");
  }

  @Test
  void aScaleAndAVisitOfTheScheduleAreRequired() throws Exception {
    String id = trial("NONE");
    for (String query :
        List.of(
            "scale=IL6&visit=W8", // not a rating scale
            "scale=PANAS_PA&visit=W8", // higher is better: no "reduction" response
            "scale=CGI_I&visit=W8", // rates improvement itself
            "scale=HAMD17&visit=W9", // not a visit of the schedule
            "scale=NO_SUCH&visit=W8",
            "visit=W8",
            "scale=HAMD17",
            "scale=HAMD17&visit=W0", // the baseline itself
            "scale=HAMD17&visit=W8&responseReduction=half",
            "scale=HAMD17&visit=W8&responseReduction=0",
            "scale=HAMD17&visit=W8&remissionThreshold=low",
            "scale=HAMD17&visit=W8&window=sometimes")) {
      as("statistician", CONSORTIUM)
          .get("/api/v1/trials/" + id + "/response?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("statistician", "OTHER")
        .get("/api/v1/trials/" + id + "/response?scale=HAMD17&visit=W8")
        .then()
        .statusCode(404);
  }

  private static JsonPath get(String role, String id, String query) {
    return as(role, CONSORTIUM)
        .get("/api/v1/trials/" + id + "/response?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private static void group(
      JsonPath answer,
      String path,
      int allocated,
      int evaluable,
      int missingVisit,
      int missingBaseline,
      int missingBoth,
      int notEvaluable) {
    assertThat(answer.getInt(path + ".nAllocated")).as(path).isEqualTo(allocated);
    assertThat(answer.getInt(path + ".nEvaluable")).as(path).isEqualTo(evaluable);
    assertThat(answer.getInt(path + ".nMissingVisit")).as(path).isEqualTo(missingVisit);
    assertThat(answer.getInt(path + ".nMissingBaseline")).as(path).isEqualTo(missingBaseline);
    assertThat(answer.getInt(path + ".nMissingBoth")).as(path).isEqualTo(missingBoth);
    assertThat(answer.getInt(path + ".nNotEvaluable")).as(path).isEqualTo(notEvaluable);
  }

  private static void rate(JsonPath answer, String path, int events, int n) {
    assertThat(answer.getInt(path + ".events")).as(path).isEqualTo(events);
    assertThat(answer.getInt(path + ".n")).as(path).isEqualTo(n);
    close(answer.getDouble(path + ".rate"), (double) events / n, path);
    JsonNode want = null;
    for (JsonNode p : fixture.path("proportions")) {
      if (p.path("events").asInt() == events && p.path("n").asInt() == n) {
        want = p;
      }
    }
    assertThat(want).as("fixture has " + events + "/" + n).isNotNull();
    close(answer.getDouble(path + ".clopperPearson.low"), want.path("clopperPearson").get(0));
    close(answer.getDouble(path + ".clopperPearson.high"), want.path("clopperPearson").get(1));
    close(answer.getDouble(path + ".wilson.low"), want.path("wilson").get(0));
    close(answer.getDouble(path + ".wilson.high"), want.path("wilson").get(1));
  }

  private static void effects(JsonPath answer, String path, String name) {
    JsonNode want = null;
    for (JsonNode c : fixture.path("comparisons")) {
      if (c.path("name").asText().equals(name)) {
        want = c;
      }
    }
    assertThat(want).as(name).isNotNull();
    String rd = path + ".riskDifference";
    assertThat(answer.getString(rd + ".method")).isEqualTo("NEWCOMBE_HYBRID_SCORE");
    close(answer.getDouble(rd + ".estimate"), want.path("difference"));
    close(answer.getDouble(rd + ".ciLow"), want.path("newcombe").get(0));
    close(answer.getDouble(rd + ".ciHigh"), want.path("newcombe").get(1));
    close(answer.getDouble(rd + ".waldCiLow"), want.path("wald").get(0));
    close(answer.getDouble(rd + ".waldCiHigh"), want.path("wald").get(1));
    String rr = path + ".riskRatio";
    assertThat(answer.getString(rr + ".method")).isEqualTo("LOG");
    close(answer.getDouble(rr + ".estimate"), want.path("ratio").path("estimate"));
    close(answer.getDouble(rr + ".ciLow"), want.path("ratio").path("low"));
    close(answer.getDouble(rr + ".ciHigh"), want.path("ratio").path("high"));
    double difference = want.path("difference").asDouble();
    close(answer.getDouble(path + ".numberNeededToTreat.value"), 1 / Math.abs(difference), path);
  }

  private static void close(double got, JsonNode want) {
    close(got, want.asDouble(), "");
  }

  private static void close(double got, double want, String name) {
    assertThat(got).as(name).isCloseTo(want, within(Math.max(Math.abs(want) * 1e-9, 1e-12)));
  }
}
