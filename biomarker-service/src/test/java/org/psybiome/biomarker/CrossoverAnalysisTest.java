package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * GET /api/v1/trials/{id}/crossover-analysis on a masked AB/BA crossover trial learnt from
 * trial-service's events, with IL-6 results (analysed on natural logs) as in {@code
 * reference/crossover.json} ("ab_ba_log", written by {@code reference/crossover.py} with SciPy):
 * the AB/BA and paired figures match it to 1e-9 relative. Each period has two visits (P1: W2, W4;
 * P2: W6, W8); only the last counts, so the W2 and W6 values posted must change nothing, and
 * MISSING, with values at W4 and W6 but none at W8, is excluded rather than analysed with W6.
 */
@QuarkusTest
class CrossoverAnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
  private static final double RELATIVE = 1e-9;
  private static final JsonNode FIXTURE = reference().path("ab_ba_log");

  private static String trialId;

  @Inject TrialSnapshots snapshots;

  private String trial() throws Exception {
    if (trialId != null) {
      return trialId;
    }
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> trial =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, "DOUBLE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            "PLACEBO");
    crossover(trial, "CROSSOVER");
    trial.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                TrialEventsProducer.visit("W0", 0, true, List.of("INFLAMMATION"), List.of()),
                inPeriod("W2", 14, "P1"),
                inPeriod("W4", 28, "P1"),
                inPeriod("W6", 42, "P2"),
                inPeriod("W8", 56, "P2"))));
    List<Map<String, Object>> rows = new ArrayList<>();
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(trial);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (JsonNode p : FIXTURE.path("participants")) {
        String code = p.path("participant").asText();
        String sequence = p.path("sequence").asText();
        allocate(events, id, code, sequence);
        rows.add(il6(code, "W4", p.path("p1").asDouble()));
        rows.add(il6(code, "W8", p.path("p2").asDouble()));
        // earlier visits of the periods: never the period's value
        rows.add(il6(code, "W2", 50.0));
        rows.add(il6(code, "W6", 0.5));
      }
      allocate(events, id, "MISSING", "AB");
      rows.add(il6("MISSING", "W4", 3.0));
      rows.add(il6("MISSING", "W6", 2.0));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.participant(id, "MISSING").isPresent());
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    trialId = id;
    return id;
  }

  @Test
  void abBaAnalysisMatchesTheReference() throws Exception {
    String id = trial();
    JsonPath analysis =
        as("statistician", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);

    assertThat(analysis.getString("interventionModel")).isEqualTo("CROSSOVER");
    assertThat(analysis.getBoolean("logScale")).isTrue();
    assertThat(analysis.getBoolean("blinded")).isFalse();
    assertThat(analysis.getList("periods.code")).containsExactly("P1", "P2");
    assertThat(analysis.getList("periods.visit")).containsExactly("W4", "W8");
    assertThat(analysis.getString("comparatorArm")).isEqualTo("PLACEBO");
    assertThat(analysis.getInt("nWithSequence")).isEqualTo(8);
    assertThat(analysis.getInt("nAnalysed")).isEqualTo(7);
    assertThat(analysis.getInt("nExcluded")).isEqualTo(1);

    String comparison = "comparisons[0].";
    assertThat(analysis.getList("comparisons")).hasSize(1);
    assertThat(analysis.getString(comparison + "treatment")).isEqualTo("PROBIOTIC");
    assertThat(analysis.getString(comparison + "comparator")).isEqualTo("PLACEBO");
    assertThat(analysis.getString(comparison + "method")).isEqualTo("AB_BA");
    assertThat(analysis.getInt(comparison + "nAnalysed")).isEqualTo(7);
    assertThat(analysis.getList(comparison + "sequences.n")).containsExactly(4, 3);
    for (String estimate : List.of("treatmentEffect", "periodEffect", "paired")) {
      JsonNode expected = FIXTURE.path(estimate);
      for (String field :
          List.of(
              "estimate",
              "sd",
              "se",
              "ciLow",
              "ciHigh",
              "t",
              "df",
              "p",
              "ratio",
              "ratioCiLow",
              "ratioCiHigh")) {
        assertClose(
            analysis.getDouble(comparison + estimate + "." + field),
            expected.path(field).asDouble(),
            estimate + "." + field);
      }
      assertThat(analysis.getDouble(comparison + estimate + ".n"))
          .isEqualTo(expected.path("n").asDouble());
    }

    // per participant: the value of each period at its last visit, and probiotic − placebo
    List<Map<String, Object>> participants = analysis.getList("participants");
    assertThat(participants).hasSize(7);
    JsonNode differences = FIXTURE.path("differences");
    int i = 0;
    for (JsonNode p : FIXTURE.path("participants")) {
      String at =
          "participants.find { it.participant == '" + p.path("participant").asText() + "' }";
      boolean ab = p.path("sequence").asText().equals("AB");
      assertThat(analysis.getList(at + ".periods.visit")).containsExactly("W4", "W8");
      assertThat(analysis.getList(at + ".periods.arm"))
          .containsExactly(ab ? "PROBIOTIC" : "PLACEBO", ab ? "PLACEBO" : "PROBIOTIC");
      assertThat(analysis.getList(at + ".periods.value"))
          .containsExactly(p.path("p1").asDouble(), p.path("p2").asDouble());
      assertClose(
          analysis.getDouble(at + ".differences[0].difference"),
          differences.get(i).asDouble(),
          "difference");
      assertClose(
          analysis.getDouble(at + ".differences[0].ratio"),
          Math.exp(differences.get(i).asDouble()),
          "ratio");
      i++;
    }

    // MISSING has W6 but no W8: excluded, not analysed with the earlier visit
    assertThat(analysis.getList("excluded.participant")).containsExactly("MISSING");
    assertThat(analysis.getString("excluded[0].reason")).isEqualTo("no result");
    assertThat(analysis.getString("excluded[0].detail")).isEqualTo("P2 (W8): no result");
    assertThat(analysis.getString("exclusionReasons[0].reason")).isEqualTo("no result");
    assertThat(analysis.getInt("exclusionReasons[0].n")).isEqualTo(1);
  }

  @Test
  void aBlindedCallerGetsCountsOnly() throws Exception {
    String id = trial();
    JsonPath analysis =
        as("blinded-statistician", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(analysis.getBoolean("blinded")).isTrue();
    assertThat(analysis.getInt("nAnalysed")).isEqualTo(7);
    assertThat(analysis.getInt("nExcluded")).isEqualTo(1);
    assertThat(analysis.getString("exclusionReasons[0].reason")).isEqualTo("no result");
    assertThat(analysis.getMap("$")).doesNotContainKeys("participants", "comparisons", "excluded");
    assertThat(analysis.getString("withheldReason")).contains("blinded");
  }

  @Test
  void aParallelTrialIsAConflict() throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> trial =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, "NONE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            null);
    design(trial).put("interventionModel", "PARALLEL");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(trial);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("PARALLEL"));
    // a specimen that names none is malformed whatever the design: 400 before the 409
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6&specimen=BLOOD%3B--")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("specimen"));
  }

  @Test
  void badRequestsAreProblems() throws Exception {
    String id = trial();
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=NOSUCH")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/crossover-analysis")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("analyte"));
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6&window=sometimes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("window"));
    as("statistician", "OTHERCONS")
        .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=IL6")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static void crossover(Map<String, Object> trial, String model) {
    Map<String, Object> design = design(trial);
    design.put("interventionModel", model);
    design.put(
        "crossover",
        Map.of(
            "periods",
            List.of(
                Map.of("code", "P1", "label", "Period 1", "washoutDaysBefore", 0),
                Map.of("code", "P2", "label", "Period 2", "washoutDaysBefore", 14)),
            "sequences",
            List.of(
                Map.of("code", "AB", "arms", List.of("PROBIOTIC", "PLACEBO")),
                Map.of("code", "BA", "arms", List.of("PLACEBO", "PROBIOTIC")))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> design(Map<String, Object> trial) {
    return (Map<String, Object>) trial.get("design");
  }

  private static Map<String, Object> inPeriod(String code, int day, String period) {
    Map<String, Object> visit =
        new LinkedHashMap<>(
            TrialEventsProducer.visit(code, day, false, List.of("INFLAMMATION"), List.of()));
    visit.put("period", period);
    return visit;
  }

  private static void allocate(
      TrialEventsProducer events, String id, String code, String sequence) {
    boolean ab = sequence.equals("AB");
    events.sequenceAllocated(
        id,
        code,
        sequence,
        List.of(
            new String[] {"P1", ab ? "PROBIOTIC" : "PLACEBO"},
            new String[] {"P2", ab ? "PLACEBO" : "PROBIOTIC"}));
  }

  private static Map<String, Object> il6(String participant, String visit, double value) {
    return with(row(participant, visit, participant + "-" + visit, "IL6"), "value", value);
  }

  private static void assertClose(double actual, double expected, String what) {
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(RELATIVE * Math.abs(expected));
  }

  private static JsonNode reference() {
    try (InputStream in =
        CrossoverAnalysisTest.class.getResourceAsStream("/reference/crossover.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the reference values", e);
    }
  }
}
