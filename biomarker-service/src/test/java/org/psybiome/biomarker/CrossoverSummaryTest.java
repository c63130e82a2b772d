package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * A crossover trial: participants learnt from trial.sequence-allocated.v1 with the arm of each
 * period, results accepted for them, and per-arm summaries grouping each participant by the
 * treatment of the visit's period (AB receives the probiotic in P1 and placebo in P2).
 */
@QuarkusTest
class CrossoverSummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;

  @Test
  void perArmSummariesFollowTheTreatmentOfTheVisitsPeriod() throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> trial =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, "NONE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            null);
    Map<String, Object> p1 =
        new LinkedHashMap<>(
            TrialEventsProducer.visit("W4", 28, false, List.of("INFLAMMATION"), List.of()));
    p1.put("period", "P1");
    Map<String, Object> p2 =
        new LinkedHashMap<>(
            TrialEventsProducer.visit("W8", 56, false, List.of("INFLAMMATION"), List.of()));
    p2.put("period", "P2");
    trial.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                TrialEventsProducer.visit("W0", 0, true, List.of("INFLAMMATION"), List.of()),
                p1,
                p2)));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(trial);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (String code : List.of("C1", "C2")) {
        events.sequenceAllocated(
            id,
            code,
            "AB",
            List.of(new String[] {"P1", "PROBIOTIC"}, new String[] {"P2", "PLACEBO"}));
      }
      for (String code : List.of("C3", "C4")) {
        events.sequenceAllocated(
            id,
            code,
            "BA",
            List.of(new String[] {"P1", "PLACEBO"}, new String[] {"P2", "PROBIOTIC"}));
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.participant(id, "C4").isPresent());
    // IL-6 (pg/mL): 10 under the probiotic, 20 under placebo, whatever the period
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Double> p1Values = Map.of("C1", 10.0, "C2", 10.0, "C3", 20.0, "C4", 20.0);
    for (var e : p1Values.entrySet()) {
      String code = e.getKey();
      rows.add(with(row(code, "W4", code + "-W4", "IL6"), "value", e.getValue()));
      double p2Value = e.getValue() == 10.0 ? 20.0 : 10.0;
      rows.add(with(row(code, "W8", code + "-W8", "IL6"), "value", p2Value));
    }
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);

    for (String visit : List.of("W4", "W8")) {
      JsonPath summary =
          as("statistician", CONSORTIUM)
              .get("/api/v1/trials/" + id + "/summaries/IL6?visit=" + visit + "&by=arm")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      // in each period two participants under each treatment, every value by its treatment
      assertThat(summary.getList("arms.code")).containsExactly("PROBIOTIC", "PLACEBO");
      assertThat(summary.getInt("arms[0].statistics.n")).as(visit).isEqualTo(2);
      assertThat(summary.getDouble("arms[0].statistics.mean")).as(visit).isEqualTo(10.0);
      assertThat(summary.getInt("arms[1].statistics.n")).as(visit).isEqualTo(2);
      assertThat(summary.getDouble("arms[1].statistics.mean")).as(visit).isEqualTo(20.0);
    }
    // at baseline, outside every period, no participant has a treatment
    JsonPath baseline =
        as("statistician", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/summaries/IL6?visit=W0&by=arm")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(baseline.getInt("arms[0].statistics.n")).isZero();
  }
}
