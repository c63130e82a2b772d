package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Summaries through the HTTP API, for a double-blind trial made known by trial events, with IL-6
 * results (standard unit pg/mL, so standardised = reported) ingested through the results API.
 * Expected values are computed here with plain loops and the textbook formulas (type-7 quartiles,
 * Hedges' g with its small-sample correction, Welch's t), and one case is worked out by hand.
 */
@QuarkusTest
class SummaryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;
  // numbers as doubles: RestAssured's default (float) would lose the precision checked here
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  // Probiotic (EXPERIMENTAL): MG-0101..0105; Placebo (PLACEBO_COMPARATOR): MG-0106..0111
  private static final List<String> PROBIOTIC =
      List.of("MG-0101", "MG-0102", "MG-0103", "MG-0104", "MG-0105");
  private static final List<String> PLACEBO =
      List.of("MG-0106", "MG-0107", "MG-0108", "MG-0109", "MG-0110", "MG-0111");

  // the participants' latest W8 values; MG-0111 has only a censored one at W8
  private static final double[] W8_PROBIOTIC = {1, 2, 3, 4, 10};
  private static final double[] W8_PLACEBO = {2.5, 3.5, 6, 7.25, 8};
  // W0 values; MG-0105's baseline is censored, so it has no change from baseline
  private static final double[] W0_PROBIOTIC = {2, 2.5, 5, 6};
  private static final double[] W0_PLACEBO = {3, 3.25, 4, 8.5, 6.5};

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void blindedTrialWithResults() throws Exception {
    trial = TrialEventsProducer.newTrialId();
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(TrialEventsProducer.trialView(trial, 2, "DOUBLE", "Placebo"));
      PROBIOTIC.forEach(code -> events.enrolled(trial, code, "Probiotic"));
      PLACEBO.forEach(code -> events.enrolled(trial, code, "Placebo"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                snapshots.trial(trial).isPresent()
                    && snapshots.allocations(trial).size() == PROBIOTIC.size() + PLACEBO.size());

    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < PROBIOTIC.size(); i++) {
      rows.add(il6(PROBIOTIC.get(i), "W8", "P8-" + i, W8_PROBIOTIC[i], "2026-05-01T08:00:00Z"));
    }
    for (int i = 0; i < W8_PLACEBO.length; i++) {
      rows.add(il6(PLACEBO.get(i), "W8", "C8-" + i, W8_PLACEBO[i], "2026-05-01T08:00:00Z"));
    }
    // an earlier W8 sample of MG-0101: the later one (1) is the participant's value
    rows.add(il6("MG-0101", "W8", "P8-early", 99, "2026-04-30T08:00:00Z"));
    // censored at W8: MG-0111's only result, counted, not averaged; MG-0102's is older than its
    // value (2), so the value is the participant's and the censored one is superseded
    rows.add(with(il6("MG-0111", "W8", "C8-cens", 0.5, "2026-05-01T08:00:00Z"), "comparator", "<"));
    rows.add(with(il6("MG-0102", "W8", "P8-cens", 0.4, "2026-04-29T08:00:00Z"), "comparator", "<"));
    for (int i = 0; i < W0_PROBIOTIC.length; i++) {
      rows.add(il6(PROBIOTIC.get(i), "W0", "P0-" + i, W0_PROBIOTIC[i], "2026-03-01T08:00:00Z"));
    }
    rows.add(with(il6("MG-0105", "W0", "P0-cens", 0.3, "2026-03-01T08:00:00Z"), "comparator", "<"));
    for (int i = 0; i < W0_PLACEBO.length; i++) {
      rows.add(il6(PLACEBO.get(i), "W0", "C0-" + i, W0_PLACEBO[i], "2026-03-01T08:00:00Z"));
    }
    // another analyte at the same visit must not leak in
    rows.add(with(row("MG-0101", "W8", "P8-0", "TNFA"), "value", 500));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  private static Map<String, Object> il6(
      String participant, String visit, String sample, double value, String collectedAt) {
    return with(row(participant, visit, sample, "IL6"), "value", value, "collectedAt", collectedAt);
  }

  private JsonPath summary(String role, String query) {
    return as(role, CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  @Test
  void aSmallCaseWorkedOutByHand() {
    // Probiotic at W8: 1, 2, 3, 4, 10. mean 20/5 = 4; deviations -3 -2 -1 0 6, squares 9 4 1 0 36
    // = 50, / (5-1) = 12.5; median x[2] = 3; q1: h = 4 * 0.25 = 1 → x[1] = 2; q3: h = 3 → x[3] = 4
    JsonPath arm = summary("statistician", "visit=W8&by=arm");
    assertThat(arm.getString("arms[0].arm")).isEqualTo("Probiotic");
    assertThat(arm.getInt("arms[0].statistics.n")).isEqualTo(5);
    assertThat(arm.getInt("arms[0].statistics.nCensored")).isZero();
    assertThat(arm.getDouble("arms[0].statistics.mean")).isCloseTo(4, within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.sd")).isCloseTo(Math.sqrt(12.5), within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.median")).isCloseTo(3, within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.q1")).isCloseTo(2, within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.q3")).isCloseTo(4, within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.min")).isCloseTo(1, within(EPS));
    assertThat(arm.getDouble("arms[0].statistics.max")).isCloseTo(10, within(EPS));
  }

  @Test
  void pooledExcludesAndCountsCensoredValues() {
    JsonPath pooled = summary("reader", "visit=W8");
    assertThat(pooled.getString("by")).isEqualTo("pooled");
    assertThat(pooled.getString("unit")).isEqualTo("pg/mL");
    assertThat(pooled.getBoolean("change")).isFalse();
    assertThat(pooled.getList("arms")).isNull();
    // 10 participants with a value; censored latest result: MG-0111
    assertStatistics(pooled, "pooled", concat(W8_PROBIOTIC, W8_PLACEBO), 1);

    // hand check of the interpolation on an even n = 10: sorted 1 2 2.5 3 3.5 4 6 7.25 8 10
    // median h = 4.5 → 3.5 + 0.5 (4 − 3.5) = 3.75; q1 h = 2.25 → 2.5 + 0.25 (3 − 2.5) = 2.625;
    // q3 h = 6.75 → 6 + 0.75 (7.25 − 6) = 6.9375
    assertThat(pooled.getDouble("pooled.median")).isCloseTo(3.75, within(EPS));
    assertThat(pooled.getDouble("pooled.q1")).isCloseTo(2.625, within(EPS));
    assertThat(pooled.getDouble("pooled.q3")).isCloseTo(6.9375, within(EPS));

    // a visit without values: counts 0, statistics null
    JsonPath empty =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/summaries/HSCRP?visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(empty.getInt("pooled.n")).isZero();
    assertThat(empty.getInt("pooled.nCensored")).isZero();
    assertThat((Object) empty.get("pooled.mean")).isNull();
    assertThat((Object) empty.get("pooled.sd")).isNull();
    assertThat((Object) empty.get("pooled.median")).isNull();
  }

  @Test
  void changeFromBaseline() {
    JsonPath change = summary("pipeline", "visit=W8&change=true");
    assertThat(change.getBoolean("change")).isTrue();
    assertThat(change.getString("baselineVisit")).isEqualTo("W0");
    // both non-censored: MG-0101..0104 and MG-0106..0110
    double[] changes = concat(minus(W8_PROBIOTIC, W0_PROBIOTIC), minus(W8_PLACEBO, W0_PLACEBO));
    assertThat(changes).hasSize(9);
    assertStatistics(change, "pooled", changes, 1);
    // hand check: changes -1 -0.5 -2 -2 (probiotic), -0.5 0.25 2 -1.25 1.5 (placebo) sum -3.5
    assertThat(change.getDouble("pooled.mean")).isCloseTo(-3.5 / 9, within(EPS));
    assertThat(change.getDouble("pooled.median")).isCloseTo(-0.5, within(EPS));
  }

  @Test
  void byArmComparesExperimentalWithComparator() {
    JsonPath byArm = summary("statistician", "visit=W8&by=arm&change=false");
    assertThat(byArm.getList("arms.arm")).containsExactly("Probiotic", "Placebo");
    assertThat(byArm.getList("arms.type")).containsExactly("EXPERIMENTAL", "PLACEBO_COMPARATOR");
    assertThat((Object) byArm.get("pooled")).isNull();
    assertStatistics(byArm, "arms[0].statistics", W8_PROBIOTIC, 0);
    assertStatistics(byArm, "arms[1].statistics", W8_PLACEBO, 1);
    assertThat(byArm.getString("comparison.experimental")).isEqualTo("Probiotic");
    assertThat(byArm.getString("comparison.comparator")).isEqualTo("Placebo");
    assertComparison(byArm, W8_PROBIOTIC, W8_PLACEBO);

    JsonPath changes = summary("statistician", "visit=W8&by=arm&change=true");
    double[] probiotic = minus(W8_PROBIOTIC, W0_PROBIOTIC);
    double[] placebo = minus(W8_PLACEBO, W0_PLACEBO);
    assertStatistics(changes, "arms[0].statistics", probiotic, 0);
    assertStatistics(changes, "arms[1].statistics", placebo, 1);
    assertComparison(changes, probiotic, placebo);
  }

  @Test
  void censoredResultsAreExcludedByDefaultOrReplacedByTheLimitOverSqrt2WhenDeclared() {
    // default: exclude. 11 participants have a latest W8 result, MG-0111's is censored: 1/11
    JsonPath excluded = summary("reader", "visit=W8");
    assertThat(excluded.getString("censoredHandling")).isEqualTo("exclude");
    assertThat(excluded.getDouble("pooled.censoredShare")).isCloseTo(1.0 / 11, within(EPS));
    assertThat(excluded.getInt("pooled.nSubstituted")).isZero();

    // lloq-sqrt2: MG-0111's "< 0.5" enters as 0.5/√2 = 0.35355339..., in n and in nCensored
    JsonPath substituted = summary("reader", "visit=W8&censored=lloq-sqrt2");
    assertThat(substituted.getString("censoredHandling")).isEqualTo("lloq-sqrt2");
    double[] placebo = concat(W8_PLACEBO, new double[] {0.5 / Math.sqrt(2)});
    assertStatistics(substituted, "pooled", concat(W8_PROBIOTIC, placebo), 1);
    assertThat(substituted.getInt("pooled.nSubstituted")).isEqualTo(1);
    assertThat(substituted.getDouble("pooled.censoredShare")).isCloseTo(1.0 / 11, within(EPS));

    JsonPath byArm = summary("statistician", "visit=W8&by=arm&censored=lloq-sqrt2");
    assertStatistics(byArm, "arms[0].statistics", W8_PROBIOTIC, 0);
    assertStatistics(byArm, "arms[1].statistics", placebo, 1);
    assertThat(byArm.getDouble("arms[0].statistics.censoredShare")).isZero();
    assertThat(byArm.getDouble("arms[1].statistics.censoredShare")).isCloseTo(1.0 / 6, within(EPS));
    assertComparison(byArm, W8_PROBIOTIC, placebo);

    // changes: MG-0105's censored baseline "< 0.3" becomes 0.3/√2, so its change is 10 − 0.3/√2;
    // MG-0111 has no baseline result, so still no change
    JsonPath changes = summary("pipeline", "visit=W8&change=true&censored=lloq-sqrt2");
    double[] probiotic =
        concat(minus(W8_PROBIOTIC, W0_PROBIOTIC), new double[] {10 - 0.3 / Math.sqrt(2)});
    assertStatistics(changes, "pooled", concat(probiotic, minus(W8_PLACEBO, W0_PLACEBO)), 1);
    assertThat(changes.getInt("pooled.nSubstituted")).isEqualTo(1);

    as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8&censored=zero")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", org.hamcrest.Matchers.equalTo("censored"));
  }

  @Test
  void welchPValueMatchesATableValue() {
    // Welch on the W8 arms, by hand: m1 = 4, s1² = 12.5; m2 = 27.25/5 = 5.45,
    // s2² = (8.7025 + 3.8025 + 0.3025 + 3.24 + 6.5025)/4 = 5.6375; SE² = 2.5 + 1.1275 = 3.6275,
    // t = -1.45/1.904600 = -0.761315; df = 3.6275²/(2.5²/4 + 1.1275²/4) = 6.998169
    JsonPath byArm = summary("statistician", "visit=W8&by=arm");
    assertThat(byArm.getDouble("comparison.meanDifference")).isCloseTo(-1.45, within(EPS));
    assertThat(byArm.getDouble("comparison.welchT")).isCloseTo(-0.761315, within(1e-6));
    assertThat(byArm.getDouble("comparison.welchDf")).isCloseTo(6.998169, within(1e-6));
    // two-sided p from an independent implementation (SciPy: 2 * t.sf(0.761315, 6.998169))
    assertThat(byArm.getDouble("comparison.welchP")).isCloseTo(0.471340, within(1e-6));
  }

  @Test
  void perArmSummariesAreWithheldWhileBlinded() {
    for (String role : List.of("registrant", "reader", "pipeline")) {
      as(role, CONSORTIUM)
          .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8&by=arm")
          .then()
          .statusCode(403)
          .contentType("application/problem+json")
          .body("detail", containsString("blinded"));
      summary(role, "visit=W8&by=pooled");
    }
    summary("statistician", "visit=W8&by=arm");
    as("statistician", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8")
        .then()
        .statusCode(404);
    as("curator", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8")
        .then()
        .statusCode(403);

    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.unblinded(trial, 3);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(trial).get().unblinded());
    for (String role : List.of("registrant", "reader", "pipeline", "statistician")) {
      JsonPath byArm = summary(role, "visit=W8&by=arm");
      assertThat(byArm.getInt("arms[0].statistics.n")).isEqualTo(5);
    }
  }

  @Test
  void badRequestsAreProblems() {
    String base = "/api/v1/trials/" + trial + "/summaries/";
    as("reader", CONSORTIUM).get(base + "NOT_AN_ANALYTE?visit=W8").then().statusCode(404);
    as("reader", CONSORTIUM)
        .get(base + "IL6?visit=W99")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("reader", CONSORTIUM).get(base + "IL6").then().statusCode(400);
    as("reader", CONSORTIUM)
        .get(base + "IL6?visit=W8&by=sex")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("reader", CONSORTIUM)
        .get(base + "IL6?visit=W8&change=yes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", org.hamcrest.Matchers.equalTo("change"));
    as("reader", CONSORTIUM)
        .get("/api/v1/trials/PSB-2026-999999x/summaries/IL6?visit=W8")
        .then()
        .statusCode(404);
    ResultsApi.as("reader", CONSORTIUM).get(base + "IL6?visit=W8").then().statusCode(200);
  }

  // --- expected values, computed independently of the service ---

  private static void assertStatistics(JsonPath body, String path, double[] values, int censored) {
    double[] x = values.clone();
    Arrays.sort(x);
    int n = x.length;
    assertThat(body.getInt(path + ".n")).isEqualTo(n);
    assertThat(body.getInt(path + ".nCensored")).isEqualTo(censored);
    assertThat(body.getDouble(path + ".mean")).isCloseTo(mean(x), within(EPS));
    assertThat(body.getDouble(path + ".sd")).isCloseTo(sd(x), within(EPS));
    assertThat(body.getDouble(path + ".median")).isCloseTo(type7(x, 0.5), within(EPS));
    assertThat(body.getDouble(path + ".q1")).isCloseTo(type7(x, 0.25), within(EPS));
    assertThat(body.getDouble(path + ".q3")).isCloseTo(type7(x, 0.75), within(EPS));
    assertThat(body.getDouble(path + ".min")).isCloseTo(x[0], within(EPS));
    assertThat(body.getDouble(path + ".max")).isCloseTo(x[n - 1], within(EPS));
  }

  private static void assertComparison(JsonPath body, double[] one, double[] two) {
    double n1 = one.length;
    double n2 = two.length;
    double m1 = mean(one);
    double m2 = mean(two);
    double v1 = Math.pow(sd(one), 2);
    double v2 = Math.pow(sd(two), 2);
    double sp = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
    double j = 1 - 3 / (4 * (n1 + n2) - 9);
    double g = j * (m1 - m2) / sp;
    double varG = (n1 + n2) / (n1 * n2) + g * g / (2 * (n1 + n2));
    double se = Math.sqrt(v1 / n1 + v2 / n2);
    double t = (m1 - m2) / se;
    double df =
        Math.pow(v1 / n1 + v2 / n2, 2)
            / (Math.pow(v1 / n1, 2) / (n1 - 1) + Math.pow(v2 / n2, 2) / (n2 - 1));
    double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
    assertThat(body.getDouble("comparison.meanDifference")).isCloseTo(m1 - m2, within(EPS));
    assertThat(body.getDouble("comparison.hedgesG")).isCloseTo(g, within(EPS));
    assertThat(body.getDouble("comparison.hedgesGVariance")).isCloseTo(varG, within(EPS));
    assertThat(body.getDouble("comparison.hedgesGCiLow"))
        .isCloseTo(g - 1.959964 * Math.sqrt(varG), within(EPS));
    assertThat(body.getDouble("comparison.hedgesGCiHigh"))
        .isCloseTo(g + 1.959964 * Math.sqrt(varG), within(EPS));
    assertThat(body.getDouble("comparison.welchT")).isCloseTo(t, within(EPS));
    assertThat(body.getDouble("comparison.welchDf")).isCloseTo(df, within(EPS));
    assertThat(body.getDouble("comparison.welchP")).isCloseTo(p, within(1e-9));
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double sd(double[] x) {
    double m = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - m) * (v - m);
    }
    return Math.sqrt(sum / (x.length - 1));
  }

  /** R's quantile type 7 over sorted values. */
  private static double type7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double[] minus(double[] after, double[] before) {
    double[] changes = new double[before.length];
    for (int i = 0; i < before.length; i++) {
      changes[i] = after[i] - before[i];
    }
    return changes;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
