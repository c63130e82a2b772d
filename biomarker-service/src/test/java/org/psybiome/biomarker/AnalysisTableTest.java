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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The analysis table: registered outcomes, primary first, each with its baseline-adjusted
 * comparison (IL-6 on the log scale, as a ratio), secondary outcomes' p adjusted together by
 * Benjamini–Hochberg, and a measure analysed but not registered flagged. Data and every expected
 * figure from {@code reference/analysis_table.json}, written by statsmodels ({@code
 * analysis_table.py} beside it), to 1e-9 relative.
 */
@QuarkusTest
class AnalysisTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);
  private static JsonNode fixture;

  @Inject TrialSnapshots snapshots;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in =
        AnalysisTableTest.class.getResourceAsStream("/reference/analysis_table.json")) {
      fixture = JSON.readTree(in);
    }
  }

  private String trial(String masking) throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> record =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, masking, "Placebo"),
            List.of(
                TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR")),
            null);
    record.put(
        "primaryOutcomes",
        List.of(
            Map.of("measure", Map.of("kind", "SCALE", "code", "HAMD17")),
            Map.of("title", "Recruitment rate (feasibility)")));
    List<Map<String, Object>> secondary = new ArrayList<>();
    fixture
        .path("secondary")
        .forEach(
            c -> secondary.add(Map.of("measure", Map.of("kind", "ANALYTE", "code", c.asText()))));
    record.put("secondaryOutcomes", secondary);
    List<String[]> participants = new ArrayList<>();
    fixture
        .path("data")
        .path("HAMD17")
        .path("rows")
        .forEach(
            r ->
                participants.add(
                    new String[] {r.path("participant").asText(), r.path("arm").asText()}));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (String[] p : participants) {
        events.enrolled(id, p[0], p[1].equals("PLACEBO") ? "Placebo" : "Probiotic", p[1]);
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.allocations(id).size() == participants.size());
    List<Map<String, Object>> rows = new ArrayList<>();
    var measures = fixture.path("data").fields();
    while (measures.hasNext()) {
      var measure = measures.next();
      String unit = measure.getValue().path("unit").asText();
      for (JsonNode r : measure.getValue().path("rows")) {
        String code = r.path("participant").asText();
        for (String visit : List.of("W0", "W8")) {
          Map<String, Object> row =
              with(
                  row(code, visit, code + "-" + visit + "-" + measure.getKey(), measure.getKey()),
                  "value",
                  r.path(visit).decimalValue(),
                  "unit",
                  unit);
          rows.add(new LinkedHashMap<>(row));
        }
      }
    }
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    return id;
  }

  @Test
  void registeredOutcomesPrimaryFirstWithAdjustedComparisonsAndSecondaryBh() throws Exception {
    String id = trial("NONE");
    JsonPath table =
        as("statistician", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/analysis?visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(table.getList("rows.measure"))
        .containsExactly("HAMD17", "BDNF", "CORTISOL_AM", "TRP", "IL6", "KYN");
    assertThat(table.getList("rows.role"))
        .containsExactly(
            "PRIMARY", "SECONDARY", "SECONDARY", "SECONDARY", "SECONDARY", "NOT_REGISTERED");
    assertThat(table.getString("comparatorArm")).isEqualTo("PLACEBO");
    JsonNode expected = fixture.path("expected");
    List<Map<String, Object>> rows = table.getList("rows");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String measure = (String) row.get("measure");
      JsonNode want = expected.path(measure);
      assertThat(row.get("experimentalArm")).as(measure).isEqualTo("PROBIOTIC");
      assertThat(row.get("analysis"))
          .as(measure)
          .isEqualTo(measure.equals("IL6") ? "LOG_ANCOVA" : "ANCOVA");
      close(row, "estimate", want.path("estimate").asDouble(), measure);
      close(row, "ciLow", want.path("ciLow").asDouble(), measure);
      close(row, "ciHigh", want.path("ciHigh").asDouble(), measure);
      close(row, "p", want.path("p").asDouble(), measure);
      assertThat(((Number) row.get("n")).intValue()).as(measure).isEqualTo(want.path("n").asInt());
      switch ((String) row.get("role")) {
        case "PRIMARY" -> {
          // one comparison: Holm leaves p as it is
          assertThat(row.get("adjustment")).isEqualTo("HOLM_ACROSS_ARMS");
          close(row, "pAdjusted", want.path("p").asDouble(), measure);
        }
        case "SECONDARY" -> {
          assertThat(row.get("adjustment")).isEqualTo("BENJAMINI_HOCHBERG_SECONDARY");
          close(row, "pAdjusted", want.path("pAdjusted").asDouble(), measure);
        }
        default -> {
          assertThat(row.get("registered")).isEqualTo(false);
          assertThat(row.get("pAdjusted")).isNull();
        }
      }
    }
  }

  @Test
  void whileBlindedTheTableListsOutcomesWithPooledNumbersOnly() throws Exception {
    String id = trial("DOUBLE");
    JsonPath table =
        as("blinded-statistician", CONSORTIUM)
            .get("/api/v1/trials/" + id + "/analysis?visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(table.getBoolean("blinded")).isTrue();
    assertThat(table.getList("rows.experimentalArm")).containsOnlyNulls();
    assertThat(table.getList("rows.p")).containsOnlyNulls();
    assertThat(table.getInt("rows[0].n")).isEqualTo(14);
    as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + id + "/analysis?visit=W9")
        .then()
        .statusCode(400);
  }

  private static void close(Map<String, Object> row, String field, double want, String measure) {
    assertThat(((Number) row.get(field)).doubleValue())
        .as(measure + " " + field)
        .isCloseTo(want, within(Math.abs(want) * 1e-9));
  }
}
