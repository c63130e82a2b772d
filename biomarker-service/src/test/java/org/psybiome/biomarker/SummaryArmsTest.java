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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Arms matched by their stable code, each arm compared with the trial's comparator arm (declared,
 * else the only placebo/sham/no-intervention arm, else the only active comparator), with Holm's
 * adjustment, the baseline-adjusted ANCOVA and, IL-6 being analysed on the log scale, geometric
 * means and ratios. A three-arm trial posts the values of {@code reference/arm_comparisons.json};
 * every expected figure comes from that fixture, written by statsmodels and SciPy ({@code
 * arm_comparisons.py} beside it), to 1e-9 relative.
 */
@QuarkusTest
class SummaryArmsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double RELATIVE = 1e-9;
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);
  private static JsonNode fixture;

  @Inject TrialSnapshots snapshots;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in =
        SummaryArmsTest.class.getResourceAsStream("/reference/arm_comparisons.json")) {
      fixture = JSON.readTree(in);
    }
  }

  @Test
  void eachArmIsComparedWithTheSolePlaceboArmNotTheFirstExperimentalOne() throws Exception {
    // arms in the record's order: active comparator, probiotic (EXPERIMENTAL), placebo; the old
    // rule compared the first EXPERIMENTAL arm with the first other arm, the active comparator
    String trial = threeArmTrial(null);
    JsonPath summary = summary(trial, "W8");
    // checked first: the old rule gave Probiotic vs Escitalopram here
    assertThat(summary.getString("comparison.comparator")).isEqualTo("Placebo");
    assertThat(summary.getString("comparison.experimental")).isEqualTo("Escitalopram");
    assertThat(summary.getList("arms.code")).containsExactly("ACTIVE", "PROBIOTIC", "PLACEBO");
    assertThat(summary.getString("comparatorArm")).isEqualTo("PLACEBO");
    assertThat(summary.getString("comparatorRule")).isEqualTo("SOLE_INACTIVE_COMPARATOR");
    assertThat((Object) summary.get("noComparisonReason")).isNull();
    assertComparisons(summary, fixture.path("scenarios").path("sole_placebo"));
    assertGeometricMeans(summary);
  }

  @Test
  void aDeclaredComparatorArmIsTheComparator() throws Exception {
    String trial = threeArmTrial("ACTIVE");
    JsonPath summary = summary(trial, "W8");
    assertThat(summary.getString("comparatorArm")).isEqualTo("ACTIVE");
    assertThat(summary.getString("comparatorRule")).isEqualTo("DECLARED");
    assertComparisons(summary, fixture.path("scenarios").path("declared_active"));
  }

  @Test
  void renamingAnArmKeepsItsParticipantsAndResults() throws Exception {
    String trial = threeArmTrial(null);
    JsonPath before = summary(trial, "W8");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.updated(record(trial, 3, "L. helveticus R0052", null));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.trial(trial).map(TrialSnapshot::version).orElse(0) == 3);
    JsonPath after = summary(trial, "W8");
    assertThat(after.getString("arms[1].arm")).isEqualTo("L. helveticus R0052");
    // checked first: matched by label, the renamed arm had lost its six participants (n = 0)
    assertThat(after.getInt("arms[1].statistics.n")).isEqualTo(6);
    assertThat(after.getString("arms[1].code")).isEqualTo("PROBIOTIC");
    assertThat(after.getMap("arms[1].statistics")).isEqualTo(before.getMap("arms[1].statistics"));
    assertThat(after.getString("comparisons[1].experimental")).isEqualTo("L. helveticus R0052");
    assertComparisons(after, fixture.path("scenarios").path("sole_placebo"));
  }

  @Test
  void withoutAClearComparatorNothingIsComparedAndTheSummarySaysWhy() {
    String id = TrialEventsProducer.newTrialId();
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(
          TrialEventsProducer.withArms(
              TrialEventsProducer.trialView(id, 2, "NONE", "Placebo"),
              List.of(
                  TrialEventsProducer.arm("PRO", "Probiotic", "EXPERIMENTAL"),
                  TrialEventsProducer.arm("PLA", "Placebo", "PLACEBO_COMPARATOR"),
                  TrialEventsProducer.arm("SHAM", "Sham", "SHAM_COMPARATOR")),
              null));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
    JsonPath summary = summary(id, "W8");
    assertThat(summary.getList("comparisons")).isEmpty();
    assertThat((Object) summary.get("comparison")).isNull();
    assertThat((Object) summary.get("comparatorArm")).isNull();
    assertThat(summary.getString("noComparisonReason"))
        .contains("2 arms are placebo, sham or no intervention");
  }

  @Test
  void atTheBaselineVisitThereIsNoAncovaAndTheSummarySaysWhy() throws Exception {
    String trial = threeArmTrial(null);
    JsonPath summary = summary(trial, "W0");
    assertThat(summary.getList("comparisons")).hasSize(2);
    assertThat((Object) summary.get("comparisons[0].ancova")).isNull();
    assertThat(summary.getString("ancovaUnavailableReason"))
        .isEqualTo("the visit is the trial's baseline visit");
    // pooled, log scale: the geometric mean of every positive W8 value
    JsonPath pooled =
        as("statistician", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(pooled.getBoolean("logScale")).isTrue();
    JsonNode expected = fixture.path("pooledGeometricMean");
    assertNumbers(pooled, "pooledGeometricMean", expected, fields(expected));
    assertThat(pooled.getInt("pooledGeometricMean.nNonPositive")).isEqualTo(1);
  }

  // --- the trial and its results ---

  private Map<String, Object> record(
      String id, int version, String probioticLabel, String comparator) {
    List<Map<String, Object>> arms = new ArrayList<>();
    for (JsonNode arm : fixture.path("arms")) {
      String label =
          arm.path("code").asText().equals("PROBIOTIC") && probioticLabel != null
              ? probioticLabel
              : arm.path("label").asText();
      arms.add(
          TrialEventsProducer.arm(arm.path("code").asText(), label, arm.path("type").asText()));
    }
    return TrialEventsProducer.withArms(
        TrialEventsProducer.trialView(id, version, "NONE", "Placebo"), arms, comparator);
  }

  /** Registers the fixture's trial, enrols its participants and posts its IL-6 values. */
  private String threeArmTrial(String comparator) throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, String> labels = new java.util.HashMap<>();
    fixture
        .path("arms")
        .forEach(a -> labels.put(a.path("code").asText(), a.path("label").asText()));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record(id, 2, null, comparator));
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (JsonNode p : fixture.path("participants")) {
        String arm = p.path("arm").asText();
        if (arm.equals("PLACEBO")) {
          // an enrolment written before API 1.1: the label only, matched to the record's arm
          events.enrolled(id, p.path("code").asText(), labels.get(arm));
        } else {
          events.enrolled(id, p.path("code").asText(), labels.get(arm), arm);
        }
      }
    }
    int participants = fixture.path("participants").size();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.allocations(id).size() == participants);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode p : fixture.path("participants")) {
      for (String visit : List.of("W0", "W8")) {
        if (!p.path(visit).isNull()) {
          String code = p.path("code").asText();
          rows.add(
              with(
                  row(code, visit, code + "-" + visit, "IL6"),
                  "value",
                  p.path(visit).decimalValue()));
        }
      }
    }
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    return id;
  }

  private static JsonPath summary(String trial, String visit) {
    return as("statistician", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=" + visit + "&by=arm")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  // --- expected values from the fixture ---

  private static void assertComparisons(JsonPath summary, JsonNode scenario) {
    JsonNode expected = scenario.path("comparisons");
    assertThat(summary.getList("comparisons")).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode c = expected.get(i);
      String path = "comparisons[" + i + "]";
      assertThat(summary.getString(path + ".experimentalCode"))
          .isEqualTo(c.path("experimentalCode").asText());
      assertThat(summary.getString(path + ".comparatorCode"))
          .isEqualTo(c.path("comparatorCode").asText());
      assertNumbers(summary, path, c, "meanDifference", "welchT", "welchDf", "welchP");
      assertNumbers(summary, path, c, "welchPHolm");
      assertNumbers(summary, path + ".ancova", c.path("ancova"), fields(c.path("ancova")));
      JsonNode log = c.path("logScale");
      assertNumbers(
          summary,
          path + ".logScale",
          log,
          "nExperimental",
          "nComparator",
          "nNonPositive",
          "geometricMeanRatio",
          "ciLow",
          "ciHigh",
          "t",
          "df",
          "p",
          "pHolm",
          "ancovaRatio",
          "ancovaRatioCiLow",
          "ancovaRatioCiHigh",
          "ancovaNNonPositive");
      assertNumbers(
          summary, path + ".logScale.ancova", log.path("ancova"), fields(log.path("ancova")));
    }
    // the first comparison is also the API 1.0 field
    assertThat(summary.getMap("comparison")).isEqualTo(summary.getMap("comparisons[0]"));
  }

  private static void assertGeometricMeans(JsonPath summary) {
    List<String> codes = summary.getList("arms.code");
    for (int i = 0; i < codes.size(); i++) {
      JsonNode expected = fixture.path("geometricMeans").path(codes.get(i));
      assertNumbers(summary, "arms[" + i + "].geometricMean", expected, fields(expected));
    }
  }

  private static String[] fields(JsonNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(names::add);
    return names.toArray(String[]::new);
  }

  private static void assertNumbers(
      JsonPath summary, String path, JsonNode expected, String... fields) {
    for (String field : fields) {
      double want = expected.path(field).asDouble();
      Object got = summary.get(path + "." + field);
      assertThat(got).as(path + "." + field).isNotNull();
      assertThat(((Number) got).doubleValue())
          .as(path + "." + field)
          .isCloseTo(want, within(Math.abs(want) * RELATIVE + 1e-15));
    }
  }
}
