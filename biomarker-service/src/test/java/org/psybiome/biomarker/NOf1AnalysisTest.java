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
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * An N-of-1 trial: four periods in two cycles (ABBA, BAAB; A = probiotic), BDNF (ng/mL, not on the
 * log scale). Worked by hand: with one degree of freedom Student's t is Cauchy, so t(0.975; 1) =
 * tan(0.475π) and the two-sided p of t is 1 − (2/π)·atan|t|.
 */
@QuarkusTest
class NOf1AnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
  private static final double T_975_1 = Math.tan(0.475 * Math.PI);

  @Inject TrialSnapshots snapshots;

  @Test
  void eachParticipantHasTheirOwnEstimateFromTheirCycles() throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> trial =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, "NONE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            null);
    @SuppressWarnings("unchecked")
    Map<String, Object> design = (Map<String, Object>) trial.get("design");
    design.put("interventionModel", "N_OF_1");
    design.put(
        "crossover",
        Map.of(
            "periods",
            List.of(period("P1"), period("P2"), period("P3"), period("P4")),
            "sequences",
            List.of(
                Map.of(
                    "code",
                    "ABBA",
                    "arms",
                    List.of("PROBIOTIC", "PLACEBO", "PLACEBO", "PROBIOTIC")),
                Map.of(
                    "code",
                    "BAAB",
                    "arms",
                    List.of("PLACEBO", "PROBIOTIC", "PROBIOTIC", "PLACEBO")))));
    List<Map<String, Object>> visits = new ArrayList<>();
    visits.add(TrialEventsProducer.visit("V0", 0, true, List.of(), List.of()));
    for (int i = 1; i <= 4; i++) {
      Map<String, Object> visit =
          new LinkedHashMap<>(
              TrialEventsProducer.visit("V" + i, 14 * i, false, List.of(), List.of()));
      visit.put("period", "P" + i);
      visits.add(visit);
    }
    trial.put("schedule", Map.of("visits", visits));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(trial);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      events.sequenceAllocated(id, "N1", "ABBA", periods("PROBIOTIC", "PLACEBO"));
      events.sequenceAllocated(id, "N2", "BAAB", periods("PLACEBO", "PROBIOTIC"));
      events.sequenceAllocated(id, "N3", "ABBA", periods("PROBIOTIC", "PLACEBO"));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.participant(id, "N3").isPresent());
    List<Map<String, Object>> rows = new ArrayList<>();
    // N1 ABBA: cycles (20 − 23) = −3 and (21 − 25) = −4
    bdnf(rows, "N1", 20, 23, 25, 21);
    // N2 BAAB: cycles (26 − 30) = −4 and (27 − 29) = −2
    bdnf(rows, "N2", 30, 26, 27, 29);
    // N3: no value in P4, excluded
    bdnf(rows, "N3", 20, 22, 22);
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);

    JsonPath analysis =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/crossover-analysis?analyte=BDNF")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(analysis.getString("interventionModel")).isEqualTo("N_OF_1");
    assertThat(analysis.getBoolean("logScale")).isFalse();
    assertThat(analysis.getInt("nAnalysed")).isEqualTo(2);
    assertThat(analysis.getList("excluded.participant")).containsExactly("N3");
    assertThat(analysis.getString("excluded[0].detail")).isEqualTo("P4 (V4): no result");

    String n1 = "participants.find { it.participant == 'N1' }.differences[0].";
    assertThat(analysis.getList(n1 + "cycleDifferences")).containsExactly(-3.0, -4.0);
    // mean −3.5, SD √((0.5² + 0.5²)/1) = √0.5, SE √0.5/√2 = 0.5
    assertThat(analysis.getDouble(n1 + "difference")).isCloseTo(-3.5, within(1e-12));
    assertThat(analysis.getDouble(n1 + "estimate.n")).isEqualTo(2.0);
    assertThat(analysis.getDouble(n1 + "estimate.sd")).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(analysis.getDouble(n1 + "estimate.ciLow"))
        .isCloseTo(-3.5 - T_975_1 * 0.5, within(1e-9));
    assertThat(analysis.getDouble(n1 + "estimate.ciHigh"))
        .isCloseTo(-3.5 + T_975_1 * 0.5, within(1e-9));
    String n2 = "participants.find { it.participant == 'N2' }.differences[0].";
    assertThat(analysis.getList(n2 + "cycleDifferences")).containsExactly(-4.0, -2.0);
    assertThat(analysis.getDouble(n2 + "difference")).isCloseTo(-3.0, within(1e-12));

    // across participants: −3.5 and −3, mean −3.25, SD √0.125, SE 0.25, t = −13 on 1 df
    String c = "comparisons[0].";
    assertThat(analysis.getString(c + "method")).isEqualTo("PAIRED_MEAN_DIFFERENCES");
    assertThat(analysis.getString(c + "abBaUnavailableReason")).contains("4 periods");
    assertThat(analysis.getDouble(c + "paired.estimate")).isCloseTo(-3.25, within(1e-12));
    assertThat(analysis.getDouble(c + "paired.t")).isCloseTo(-13.0, within(1e-9));
    assertThat(analysis.getDouble(c + "paired.p"))
        .isCloseTo(1 - 2 / Math.PI * Math.atan(13), within(1e-12));
    assertThat(analysis.getDouble(c + "paired.ciLow"))
        .isCloseTo(-3.25 - T_975_1 * 0.25, within(1e-9));
  }

  private static Map<String, Object> period(String code) {
    return Map.of("code", code, "label", code, "washoutDaysBefore", 7);
  }

  private static List<String[]> periods(String a, String b) {
    return List.of(
        new String[] {"P1", a},
        new String[] {"P2", b},
        new String[] {"P3", b},
        new String[] {"P4", a});
  }

  private static void bdnf(List<Map<String, Object>> rows, String participant, double... values) {
    for (int i = 0; i < values.length; i++) {
      String visit = "V" + (i + 1);
      rows.add(
          with(
              row(participant, visit, participant + "-" + visit, "BDNF"),
              "value",
              values[i],
              "unit",
              "ng/mL"));
    }
  }
}
