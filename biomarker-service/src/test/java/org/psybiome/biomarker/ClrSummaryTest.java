package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.DerivedAnalytesTest.taxon;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * scale=clr summaries of a genus (TAXON_1678, Bifidobacterium) against {@code reference/clr.json}
 * ({@code reference/clr.py}, NumPy): the profiles of P-01 to P-05 are full (genera +
 * TAXON_UNCLASSIFIED = 100 %), P-06's lacks its unclassified row and is excluded. P-01 to P-03 are
 * in arm Probiotic, P-04 to P-06 in Placebo.
 */
@QuarkusTest
class ClrSummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;
  private JsonNode reference;

  @BeforeEach
  void trialWithProfiles() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/reference/clr.json")) {
      reference = JSON.readTree(in);
    }
    trial = TrialEventsProducer.newTrialId();
    List<String> participants = List.of("P-01", "P-02", "P-03", "P-04", "P-05", "P-06");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(TrialEventsProducer.trialView(trial, 2, "NONE", "Placebo"));
      for (int i = 0; i < participants.size(); i++) {
        events.enrolled(trial, participants.get(i), i < 3 ? "Probiotic" : "Placebo");
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.participant(trial, "P-06").isPresent());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode sample : reference.path("samples")) {
      add(rows, sample);
    }
    add(rows, reference.path("incomplete").get(0));
    rows.add(row("P-01", "W0", "B-01", "IL6"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  private static void add(List<Map<String, Object>> rows, JsonNode sample) {
    String participant = sample.path("participant").asText();
    sample
        .path("parts")
        .fields()
        .forEachRemaining(
            p ->
                rows.add(
                    taxon(
                        participant, "S-" + participant, p.getKey(), p.getValue().decimalValue())));
  }

  @Test
  void theTaxonsLogRatiosAreSummarisedAsNumPySummarisesThem() {
    JsonPath summary =
        summary("TAXON_1678", "clr", "pooled").statusCode(200).extract().jsonPath().using(DOUBLES);
    JsonNode expected = reference.path("summary");
    assertThat(summary.getString("scale")).isEqualTo("clr");
    assertThat(summary.getString("unit")).isEqualTo("1");
    assertThat(summary.getString("zeroReplacement"))
        .contains("Martín-Fernández")
        .contains("0.65")
        .contains("TAXON_UNCLASSIFIED");
    assertThat(summary.getInt("pooled.n")).isEqualTo(expected.path("n").asInt());
    for (String statistic : List.of("mean", "sd", "median", "q1", "q3", "min", "max")) {
      double value = expected.path(statistic).asDouble();
      assertThat(summary.getDouble("pooled." + statistic))
          .as(statistic)
          .isCloseTo(value, within(1e-9 * Math.abs(value)));
    }
    assertThat(summary.getList("clrExcluded")).hasSize(1);
    assertThat(summary.getString("clrExcluded[0].visit")).isEqualTo("W0");
    assertThat(summary.getInt("clrExcluded[0].samples")).isEqualTo(1);
    assertThat(summary.getString("clrExcluded[0].reason")).startsWith("no TAXON_UNCLASSIFIED row");
    // no geometric mean of a log-ratio
    assertThat(summary.getMap("pooledGeometricMean")).isNull();
  }

  @Test
  void perArmTheSameValuesSplitByArm() {
    JsonPath summary =
        summary("TAXON_1678", "clr", "arm").statusCode(200).extract().jsonPath().using(DOUBLES);
    // Probiotic: P-01..P-03; Placebo: P-04, P-05 (P-06 excluded); means of the fixture's values
    double probiotic = 0;
    double placebo = 0;
    for (JsonNode sample : reference.path("samples")) {
      double clr = sample.path("clr").path("TAXON_1678").asDouble();
      if (List.of("P-01", "P-02", "P-03").contains(sample.path("participant").asText())) {
        probiotic += clr / 3;
      } else {
        placebo += clr / 2;
      }
    }
    assertThat(summary.getString("arms[0].arm")).isEqualTo("Probiotic");
    assertThat(summary.getInt("arms[0].statistics.n")).isEqualTo(3);
    assertThat(summary.getDouble("arms[0].statistics.mean"))
        .isCloseTo(probiotic, within(1e-9 * Math.abs(probiotic)));
    assertThat(summary.getInt("arms[1].statistics.n")).isEqualTo(2);
    assertThat(summary.getDouble("arms[1].statistics.mean"))
        .isCloseTo(placebo, within(1e-9 * Math.abs(placebo)));
  }

  @Test
  void rawIsTheDefaultAndSummarisesThePercentages() {
    // 4.125, 0, 12, 1.5, 7.75 and P-06's 5: (30.375) / 6 = 5.0625
    summary("TAXON_1678", null, "pooled")
        .statusCode(200)
        .body("scale", equalTo("raw"))
        .body("unit", equalTo("%"))
        .body("pooled.n", equalTo(6))
        .body("pooled.mean", equalTo(5.0625f));
  }

  @Test
  void clrOfAnythingButAGenusAbundanceIsABadRequest() {
    for (String analyte : List.of("IL6", "SHANNON_GENUS")) {
      summary(analyte, "clr", "pooled")
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations[0].field", equalTo("scale"));
    }
    summary("TAXON_1678", "log", "pooled")
        .statusCode(400)
        .body("violations[0].field", equalTo("scale"));
  }

  private io.restassured.response.ValidatableResponse summary(
      String analyte, String scale, String by) {
    var request = as("reader", CONSORTIUM).queryParam("visit", "W0").queryParam("by", by);
    if (scale != null) {
      request = request.queryParam("scale", scale);
    }
    return request.get("/api/v1/trials/" + trial + "/summaries/" + analyte).then();
  }
}
