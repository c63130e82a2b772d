package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Visit windows (trial-service API 1.1, windowDays): results collected outside them are flagged
 * when read, left out of summaries by default and counted in the missing-data table. Numbers by
 * hand.
 *
 * <p>A blinded trial with arms ACT (Probiotic) and PBO (Placebo); everyone enrolled on 5 January
 * 2026. Schedule: W0 (day 0, baseline, windowDays 0: only 5 January), W8 (day 56 = 2 March,
 * windowDays 3: 27 February to 5 March), W12 (day 84, no window, panel HPA only: IL-6 is not
 * scheduled there). IL-6 (pg/mL):
 *
 * <pre>
 *          arm  W0                    W8
 *   A1     ACT  2                     4   on 27 Feb 00:00      (−3 days: in)
 *   A2     ACT  3 on 6 Jan (out)      6   on 5 Mar 23:59:59    (+3 days: in)
 *   A3     ACT  4                     20  on 6 Mar 00:00       (+4 days: out)
 *   A4     ACT  5                     40  on 26 Feb 23:59:59   (−4 days: out)
 *   P1     PBO  1                     &lt;0.5 on 2 Mar        (censored)
 *   P2     PBO  2                     7 on 2 Mar, QC FAIL     (failed QC only)
 *   P3     PBO  3                     none                    (missing)
 * </pre>
 *
 * W0 results other than A2's are collected on 5 January; A1 also has an IL-6 result at W12 on 1
 * June 2026, 68 days after its due date (30 March), which no window judges.
 */
@QuarkusTest
class VisitWindowApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);
  private static final LocalDate ENROLLED = LocalDate.parse("2026-01-05");
  private static final List<String> ACT = List.of("A1", "A2", "A3", "A4");
  private static final List<String> PBO = List.of("P1", "P2", "P3");

  @Inject TrialSnapshots snapshots;

  private String trial;
  private String prefix;

  @BeforeEach
  void trialWithResultsInAndOutOfWindow() throws Exception {
    trial = TrialEventsProducer.newTrialId();
    // participant codes of this trial only (ids are per trial, but readable in failures)
    prefix = trial.substring(trial.length() - 6) + "-";
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record(2, 3));
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(trial).isPresent());
      ACT.forEach(p -> events.enrolled(trial, UUID.randomUUID(), code(p), "Probiotic", ENROLLED));
      PBO.forEach(p -> events.enrolled(trial, UUID.randomUUID(), code(p), "Placebo", ENROLLED));
    }
    // a matcher, not a boolean, so that a failure shows the allocations known at the time
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.allocations(trial), aMapWithSize(ACT.size() + PBO.size()));

    List<Map<String, Object>> rows = new ArrayList<>();
    double[] w0 = {2, 3, 4, 5, 1, 2, 3};
    List<String> everyone = new ArrayList<>(ACT);
    everyone.addAll(PBO);
    for (int i = 0; i < everyone.size(); i++) {
      String p = everyone.get(i);
      rows.add(
          il6(p, "W0", w0[i], p.equals("A2") ? "2026-01-06T08:00:00Z" : "2026-01-05T08:00:00Z"));
    }
    rows.add(il6("A1", "W8", 4, "2026-02-27T00:00:00Z"));
    rows.add(il6("A2", "W8", 6, "2026-03-05T23:59:59Z"));
    rows.add(il6("A3", "W8", 20, "2026-03-06T00:00:00Z"));
    rows.add(il6("A4", "W8", 40, "2026-02-26T23:59:59Z"));
    rows.add(with(il6("P1", "W8", 0.5, "2026-03-02T08:00:00Z"), "comparator", "<"));
    rows.add(with(il6("P2", "W8", 7, "2026-03-02T08:00:00Z"), "qcStatus", "FAIL"));
    rows.add(il6("A1", "W12", 9, "2026-06-01T08:00:00Z"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  @Test
  void theWindowsAreLearntFromTheTrialRecord() {
    List<TrialVisit> visits = snapshots.trial(trial).orElseThrow().visits();
    assertThat(visits).extracting(TrialVisit::windowDays).containsExactly(0, 3, null);
  }

  @Test
  void resultsOutsideTheirWindowAreFlaggedWhenRead() {
    // out: A3 (+4) and A4 (−4) at W8, A2 at W0 (+1 with windowDays 0); never at W12 (no window)
    assertThat(flagged())
        .containsExactlyInAnyOrder(code("A2") + "/W0", code("A3") + "/W8", code("A4") + "/W8");
    // the NDJSON export's lines read like the query's items: A3's W8 line is flagged
    String ndjson =
        as("reader", CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/export?format=ndjson&visit=W8")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(ndjson.lines().filter(l -> l.contains("\"outOfWindow\":true")).count()).isEqualTo(2);
    // CSV: the column after batchId, true for A3's and A4's W8 rows only; the seven assay columns
    // (assayMethod ... basis) follow it, empty here
    List<String> csv = export("csv", "W8").lines().toList();
    String noAssay = ",".repeat(7);
    assertThat(csv.get(0)).contains(",batchId,outOfWindow,assayMethod,");
    assertThat(csv.stream().skip(1).filter(l -> l.endsWith(",true" + noAssay)).toList())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).matches("^\\d+," + prefix + "A[34],W8,.*"));
    assertThat(csv.stream().skip(1).filter(l -> l.endsWith(",false" + noAssay)))
        .hasSize(4); // A1, A2, P1, P2 (P3 has none)
    // FHIR: a note on the same two Observations
    String fhir = export("fhir-r4", "W8");
    assertThat(fhir.lines().filter(l -> l.contains("outside the scheduled visit's window")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).containsPattern(prefix + "A[34]\""));
    JsonPath w12 = results("visit=W12");
    assertThat(w12.getList("items")).hasSize(1);
    assertThat(w12.getMap("items[0]")).doesNotContainKey("outOfWindow");
  }

  @Test
  void aWiderWindowLaterPutsTheResultsBackOnSchedule() throws Exception {
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.updated(record(3, 4)); // W8 ± 4 days: 26 February to 6 March
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.trial(trial).orElseThrow().version() == 3);
    assertThat(flagged()).containsExactly(code("A2") + "/W0");
    // and the summary uses A3 and A4 again: 4, 6, 20, 40 (worked below, window=include)
    JsonPath pooled = summary("reader", "visit=W8");
    assertThat(pooled.getInt("pooled.n")).isEqualTo(4);
    assertThat(pooled.getInt("pooled.nOutOfWindow")).isZero();
  }

  @Test
  void summariesLeaveOutOfWindowResultsOutByDefault() {
    // exclude: A1 4, A2 6 → n 2, mean 5, SD² = (1 + 1)/1 = 2; A3, A4 out of window (nOutOfWindow
    // 2, not in n); P1 censored; P2's one result failed QC; censoredShare = 1 / {A1, A2, P1} = 1/3
    JsonPath pooled = summary("reader", "visit=W8");
    assertThat(pooled.getString("windowHandling")).isEqualTo("exclude");
    assertThat(pooled.getInt("pooled.n")).isEqualTo(2);
    assertThat(pooled.getDouble("pooled.mean")).isCloseTo(5, within(EPS));
    assertThat(pooled.getDouble("pooled.sd")).isCloseTo(Math.sqrt(2), within(EPS));
    assertThat(pooled.getInt("pooled.nOutOfWindow")).isEqualTo(2);
    assertThat(pooled.getInt("pooled.nCensored")).isEqualTo(1);
    assertThat(pooled.getInt("pooled.nQcFail")).isEqualTo(1);
    assertThat(pooled.getDouble("pooled.censoredShare")).isCloseTo(1.0 / 3, within(EPS));
    assertThat(summary("reader", "visit=W8&window=exclude").getInt("pooled.n")).isEqualTo(2);
  }

  @Test
  void windowIncludeUsesThemAndStillCountsThem() {
    // include: 4, 6, 20, 40 → n 4, mean 70/4 = 17.5; deviations −13.5, −11.5, 2.5, 22.5, squares
    // 182.25 + 132.25 + 6.25 + 506.25 = 827, SD² = 827/3; censoredShare = 1 / 5
    JsonPath pooled = summary("reader", "visit=W8&window=include");
    assertThat(pooled.getString("windowHandling")).isEqualTo("include");
    assertThat(pooled.getInt("pooled.n")).isEqualTo(4);
    assertThat(pooled.getDouble("pooled.mean")).isCloseTo(17.5, within(EPS));
    assertThat(pooled.getDouble("pooled.sd")).isCloseTo(Math.sqrt(827.0 / 3), within(EPS));
    assertThat(pooled.getInt("pooled.nOutOfWindow")).isEqualTo(2);
    assertThat(pooled.getDouble("pooled.censoredShare")).isCloseTo(0.2, within(EPS));
  }

  @Test
  void anOutOfWindowBaselineGivesNoChange() {
    // exclude: A1 4 − 2 = 2; A2's baseline (6 Jan, windowDays 0) is out, so no change; A3, A4 out
    JsonPath excluded = summary("reader", "visit=W8&change=true");
    assertThat(excluded.getInt("pooled.n")).isEqualTo(1);
    assertThat(excluded.getDouble("pooled.mean")).isCloseTo(2, within(EPS));
    assertThat(excluded.getInt("pooled.nOutOfWindow")).isEqualTo(2);
    // include: 4 − 2, 6 − 3, 20 − 4, 40 − 5 = 2, 3, 16, 35 → mean 56/4 = 14
    JsonPath included = summary("reader", "visit=W8&change=true&window=include");
    assertThat(included.getInt("pooled.n")).isEqualTo(4);
    assertThat(included.getDouble("pooled.mean")).isCloseTo(14, within(EPS));
  }

  @Test
  void anyOtherWindowIsABadRequest() {
    as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W8&window=all")
        .then()
        .statusCode(400)
        .body("detail", containsString("window"));
  }

  @Test
  void theMissingDataTableCountsEachParticipantOncePerVisitAndArm() {
    JsonPath table = missingData("statistician");
    assertThat(table.getBoolean("byArm")).isTrue();
    assertThat(table.getList("visits.visit")).containsExactly("W0", "W8", "W12");
    // W8 pooled: 7 expected; observed A1, A2; censored P1; failed QC P2; out A3, A4;
    // missing 7 − 2 − 1 − 1 − 2 = 1 (P3)
    assertCounts(table, "visits[1].pooled", 7, 2, 1, 1, 2, 1);
    assertThat(table.getString("visits[1].arms[0].arm")).isEqualTo("ACT");
    assertCounts(table, "visits[1].arms[0].counts", 4, 2, 0, 0, 2, 0);
    assertThat(table.getString("visits[1].arms[1].arm")).isEqualTo("PBO");
    assertCounts(table, "visits[1].arms[1].counts", 3, 0, 1, 1, 0, 1);
    assertThat(table.getInt("visits[1].windowDays")).isEqualTo(3);
    assertThat(table.getBoolean("visits[1].scheduled")).isTrue();
    // W0: all 7 have a result, A2's out of its 0-day window
    assertCounts(table, "visits[0].pooled", 7, 6, 0, 0, 1, 0);
    // W12 schedules HPA only: nobody expected; A1's unscheduled result is observed, none missing
    assertThat(table.getBoolean("visits[2].scheduled")).isFalse();
    assertCounts(table, "visits[2].pooled", 0, 1, 0, 0, 0, 0);
  }

  @Test
  void aCallerBlindedToTheArmsGetsThePooledCountsOnly() {
    for (String role : List.of("reader", "blinded-statistician", "registrant")) {
      JsonPath table = missingData(role);
      assertThat(table.getBoolean("byArm")).as(role).isFalse();
      assertThat(table.getMap("visits[1]")).as(role).doesNotContainKey("arms");
      assertCounts(table, "visits[1].pooled", 7, 2, 1, 1, 2, 1);
    }
  }

  @Test
  void aParticipantWhoseVisitIsNotDueYetIsNotMissing() throws Exception {
    // N1 (PBO) enrolled 10 days ago (UTC), W0 result on that day: W0 is observed; W8's window
    // (day 56 ± 3) closes 49 days from now, so N1 counts as notYetDue at W8, not as expected or
    // missing. W12 does not schedule IL-6: nobody is expected or not yet due there.
    LocalDate enrolledOn = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10);
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.enrolled(trial, UUID.randomUUID(), code("N1"), "Placebo", enrolledOn);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.allocations(trial).size() == 8);
    post(
            trial,
            "application/json",
            JSON.writeValueAsString(List.of(il6("N1", "W0", 2, enrolledOn + "T08:00:00Z"))),
            null)
        .then()
        .statusCode(201);
    JsonPath table = missingData("statistician");
    assertCounts(table, "visits[0].pooled", 8, 7, 0, 0, 1, 0, 0);
    assertCounts(table, "visits[1].pooled", 7, 2, 1, 1, 2, 1, 1);
    assertCounts(table, "visits[1].arms[1].counts", 3, 0, 1, 1, 0, 1, 1);
    assertCounts(table, "visits[1].arms[0].counts", 4, 2, 0, 0, 2, 0, 0);
    assertCounts(table, "visits[2].pooled", 0, 1, 0, 0, 0, 0, 0);
  }

  @Test
  void theMissingDataTableNeedsAnAnalyteOfTheCatalogue() {
    String path = "/api/v1/trials/" + trial + "/missing-data";
    as("reader", CONSORTIUM).get(path).then().statusCode(400);
    as("reader", CONSORTIUM).get(path + "?analyte=NOPE").then().statusCode(404);
    as("reader", "OTHERCONS").get(path + "?analyte=IL6").then().statusCode(404);
  }

  private static void assertCounts(
      JsonPath table,
      String at,
      int expected,
      int observed,
      int censored,
      int failedQc,
      int outOfWindow,
      int missing) {
    assertCounts(table, at, expected, observed, censored, failedQc, outOfWindow, missing, 0);
  }

  private static void assertCounts(
      JsonPath table,
      String at,
      int expected,
      int observed,
      int censored,
      int failedQc,
      int outOfWindow,
      int missing,
      int notYetDue) {
    Map<String, Object> counts = table.getMap(at);
    Map<String, Object> want = new HashMap<>();
    want.put("expected", expected);
    want.put("observed", observed);
    want.put("censored", censored);
    want.put("failedQc", failedQc);
    want.put("outOfWindow", outOfWindow);
    want.put("missing", missing);
    want.put("notYetDue", notYetDue);
    assertThat(counts).as(at).isEqualTo(want);
  }

  /** The trial's record at this version, with W8's windowDays. */
  private Map<String, Object> record(int version, int w8Window) {
    Map<String, Object> w0 =
        TrialEventsProducer.visit("W0", 0, true, List.of("INFLAMMATION"), List.of());
    w0.put("windowDays", 0);
    Map<String, Object> w8 =
        TrialEventsProducer.visit("W8", 56, false, List.of("INFLAMMATION"), List.of());
    w8.put("windowDays", w8Window);
    Map<String, Object> w12 =
        TrialEventsProducer.visit("W12", 84, false, List.of("HPA"), List.of());
    Map<String, Object> record =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(trial, version, "DOUBLE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("ACT", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PBO", "Placebo", "PLACEBO_COMPARATOR")),
            "PBO");
    record.put("schedule", Map.of("visits", List.of(w0, w8, w12)));
    return record;
  }

  private String code(String participant) {
    return prefix + participant;
  }

  private Map<String, Object> il6(String participant, String visit, double value, String at) {
    String p = code(participant);
    return with(
        row(p, visit, p + "-" + visit + "-" + at.substring(0, 10), "IL6"),
        "value",
        value,
        "collectedAt",
        at);
  }

  private String export(String format, String visit) {
    return as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/export?format=" + format + "&visit=" + visit)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  /** participant/visit of the results read with outOfWindow true. */
  private List<String> flagged() {
    JsonPath page = results("pageSize=1000");
    List<Map<String, Object>> items = page.getList("items");
    return items.stream()
        .filter(i -> Boolean.TRUE.equals(i.get("outOfWindow")))
        .map(i -> i.get("participant") + "/" + i.get("visit"))
        .toList();
  }

  private JsonPath results(String query) {
    return as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
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

  private JsonPath missingData(String role) {
    return as(role, CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/missing-data?analyte=IL6")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
