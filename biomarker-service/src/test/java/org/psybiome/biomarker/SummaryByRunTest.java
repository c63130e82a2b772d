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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * {@code by=run}: the summary statistics per assay run, pooled over arms, for a double-blind trial.
 * Expected values worked out by hand below (type-7 quartiles, SD with n − 1).
 */
@QuarkusTest
class SummaryByRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void blindedTrialWithRuns() throws Exception {
    trial = TrialEventsProducer.newTrialId();
    List<String> probiotic = List.of("MG-0201", "MG-0203", "MG-0205", "MG-0208");
    List<String> placebo = List.of("MG-0202", "MG-0204", "MG-0206", "MG-0207", "MG-0209");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(TrialEventsProducer.trialView(trial, 2, "DOUBLE", "Placebo"));
      probiotic.forEach(code -> events.enrolled(trial, code, "Probiotic"));
      placebo.forEach(code -> events.enrolled(trial, code, "Placebo"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> snapshots.trial(trial).isPresent() && snapshots.allocations(trial).size() == 9);

    List<Map<String, Object>> rows = new ArrayList<>();
    // PLATE-A mixes arms: 2 (probiotic), 4 (placebo), 9 (probiotic), and MG-0209's < 0.5
    rows.add(il6("MG-0201", "A-1", 2, "PLATE-A", "2026-05-01T08:00:00Z"));
    rows.add(il6("MG-0202", "A-2", 4, "PLATE-A", "2026-05-01T08:00:00Z"));
    rows.add(il6("MG-0203", "A-3", 9, "PLATE-A", "2026-05-01T08:00:00Z"));
    rows.add(
        with(
            il6("MG-0209", "A-9", 0.5, "PLATE-A", "2026-05-01T08:00:00Z"),
            "comparator",
            "<",
            "lloq",
            0.5));
    // PLATE-B: 1, 3, 5, 7
    rows.add(il6("MG-0204", "B-4", 1, "PLATE-B", "2026-05-01T08:00:00Z"));
    rows.add(il6("MG-0205", "B-5", 3, "PLATE-B", "2026-05-01T08:00:00Z"));
    rows.add(il6("MG-0206", "B-6", 5, "PLATE-B", "2026-05-01T08:00:00Z"));
    rows.add(il6("MG-0207", "B-7", 7, "PLATE-B", "2026-05-01T08:00:00Z"));
    // an older PLATE-B sample of MG-0201: superseded by its PLATE-A result, so in no PLATE-B figure
    rows.add(il6("MG-0201", "B-1", 50, "PLATE-B", "2026-04-20T08:00:00Z"));
    // no run reported
    rows.add(il6("MG-0208", "U-8", 6, null, "2026-05-01T08:00:00Z"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  private static Map<String, Object> il6(
      String participant, String sample, double value, String run, String collectedAt) {
    return with(
        row(participant, "W8", sample, "IL6"),
        "value",
        value,
        "collectedAt",
        collectedAt,
        "assayRun",
        run);
  }

  @Test
  void statisticsPerRunWorkedOutByHand() {
    // pooled over arms, so a blinded trial's reader may see it
    JsonPath summary =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8&by=run")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(summary.getString("by")).isEqualTo("run");
    assertThat(summary.getMap("$")).doesNotContainKeys("arms", "pooled", "comparison");
    assertThat(summary.getList("runs.run")).containsExactly("PLATE-A", "PLATE-B", "unspecified");

    // PLATE-A: 2, 4, 9 (MG-0209 censored: counted, not used). mean 15/3 = 5; deviations -3 -1 4,
    // squares 9 1 16 = 26, variance 26/2 = 13. median 4. Type 7: Q1 at position 1 + 2*0.25 = 1.5
    // = 2 + 0.5*(4-2) = 3; Q3 at 2.5 = 4 + 0.5*(9-4) = 6.5
    assertThat(summary.getInt("runs[0].statistics.n")).isEqualTo(3);
    assertThat(summary.getInt("runs[0].statistics.nCensored")).isEqualTo(1);
    assertThat(summary.getDouble("runs[0].statistics.mean")).isCloseTo(5, within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.sd")).isCloseTo(Math.sqrt(13), within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.median")).isCloseTo(4, within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.q1")).isCloseTo(3, within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.q3")).isCloseTo(6.5, within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.min")).isCloseTo(2, within(EPS));
    assertThat(summary.getDouble("runs[0].statistics.max")).isCloseTo(9, within(EPS));

    // PLATE-B: 1, 3, 5, 7 (not MG-0201's older 50). mean 16/4 = 4; deviations -3 -1 1 3, squares
    // 9 1 1 9 = 20, variance 20/3. median (3+5)/2 = 4. Q1 at 1 + 3*0.25 = 1.75 = 1 + 0.75*2 = 2.5;
    // Q3 at 3.25 = 5 + 0.25*2 = 5.5
    assertThat(summary.getInt("runs[1].statistics.n")).isEqualTo(4);
    assertThat(summary.getInt("runs[1].statistics.nCensored")).isZero();
    assertThat(summary.getDouble("runs[1].statistics.mean")).isCloseTo(4, within(EPS));
    assertThat(summary.getDouble("runs[1].statistics.sd"))
        .isCloseTo(Math.sqrt(20.0 / 3), within(EPS));
    assertThat(summary.getDouble("runs[1].statistics.median")).isCloseTo(4, within(EPS));
    assertThat(summary.getDouble("runs[1].statistics.q1")).isCloseTo(2.5, within(EPS));
    assertThat(summary.getDouble("runs[1].statistics.q3")).isCloseTo(5.5, within(EPS));
    assertThat(summary.getDouble("runs[1].statistics.max")).isCloseTo(7, within(EPS));

    // unspecified: MG-0208's 6 alone
    assertThat(summary.getInt("runs[2].statistics.n")).isEqualTo(1);
    assertThat(summary.getDouble("runs[2].statistics.mean")).isCloseTo(6, within(EPS));
  }

  @Test
  void anUnknownGroupingIsRefused() {
    as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8&by=plate")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
