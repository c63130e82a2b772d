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
 * GET /trials/{id}/subgroups: the participants of {@code reference/subgroups.py} (hs-CRP at W0,
 * HAMD-17 at W0 and W8, PROBIOTIC vs PLACEBO), posted as results; the record pre-registers CRP3
 * (hs-CRP cut at 3 mg/L). Counted by hand:
 *
 * <pre>
 *   allocated 24
 *   P12 no W8 score            NO_OUTCOME_AT_VISIT     1
 *   Q12 no W0 score            NO_OUTCOME_AT_BASELINE  1
 *   P11 hs-CRP QC FAIL only,
 *   Q11 no hs-CRP              NO_SUBGROUP_VALUE       2
 *   analysed 20
 *   HSCRP &lt; 3: P01 1.2, P02 0.8, P03 &lt;0.5 (censored, limit below 3), P04 2.1, P10 2.6;
 *              Q01 1.5, Q02 0.9, Q03 2.4, Q04 1.9, Q08 2.8              → 5 + 5 = 10
 *   HSCRP ≥ 3: P05 3.0 (equal to the cut: upper), P06 4.5, P07 6.2, P08 3.8, P09 5.1;
 *              Q05 4.1, Q06 3.3, Q07 5.8, Q09 8.2, Q10 3.6              → 5 + 5 = 10
 *   tertiles (cuts 2.4 and 3.8 from the fixture): &lt; 2.4: P01 P02 P03 P04, Q01 Q02 Q04 (4 + 3);
 *   2.4–3.8: P05 P10, Q03 (= 2.4) Q06 Q08 Q10 (2 + 4); ≥ 3.8: P06 P07 P08 (= 3.8) P09, Q05 Q07
 *   Q09 (4 + 3)
 * </pre>
 *
 * Effects and interaction tests from {@code reference/subgroups.json} (statsmodels), to 1e-9
 * relative.
 */
@QuarkusTest
class SubgroupAnalysisTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);
  private static JsonNode fixture;

  @Inject TrialSnapshots snapshots;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in =
        SubgroupAnalysisTest.class.getResourceAsStream("/reference/subgroups.json")) {
      fixture = JSON.readTree(in);
    }
  }

  /**
   * A third arm's participants (code, hs-CRP, HAMD W0, W8): SYNBIOTIC, after PROBIOTIC in the
   * record. In a model of its own with PLACEBO, they change nothing of PROBIOTIC vs PLACEBO.
   */
  private static final Object[][] SYNBIOTIC = {
    {"S01", 1.4, 22, 9}, {"S02", 2.2, 24, 10}, {"S03", 0.7, 20, 12},
    {"S04", 4.4, 25, 17}, {"S05", 6.1, 23, 15}, {"S06", 3.2, 21, 16},
  };

  private String trial(String masking) throws Exception {
    return trial(masking, false);
  }

  private String trial(String masking, boolean threeArms) throws Exception {
    String id = TrialEventsProducer.newTrialId();
    List<Map<String, Object>> arms = new ArrayList<>();
    arms.add(TrialEventsProducer.arm("PROBIOTIC", "Probiotic", "EXPERIMENTAL"));
    if (threeArms) {
      arms.add(TrialEventsProducer.arm("SYNBIOTIC", "Synbiotic", "EXPERIMENTAL"));
    }
    arms.add(TrialEventsProducer.arm("PLACEBO", "Placebo", "PLACEBO_COMPARATOR"));
    Map<String, Object> record =
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 1, masking, "Placebo"), arms, null);
    Map<String, Object> crp3 = new LinkedHashMap<>();
    crp3.put("code", "CRP3");
    crp3.put("label", "hs-CRP below 3 mg/L vs at or above");
    crp3.put("measure", Map.of("kind", "ANALYTE", "code", "HSCRP"));
    crp3.put("cutoffs", List.of(3));
    crp3.put("stratificationFactor", "CRP");
    record.put("analysisPlan", Map.of("endOfTreatmentVisit", "W8", "subgroups", List.of(crp3)));
    JsonNode participants = fixture.path("participants");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record);
      await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
      for (JsonNode p : participants) {
        String arm = p.get(1).asText();
        events.enrolled(
            id, p.get(0).asText(), arm.equals("PLACEBO") ? "Placebo" : "Probiotic", arm);
      }
      for (Object[] s : threeArms ? SYNBIOTIC : new Object[0][]) {
        events.enrolled(id, (String) s[0], "Synbiotic", "SYNBIOTIC");
      }
    }
    int allocated = participants.size() + (threeArms ? SYNBIOTIC.length : 0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.allocations(id).size() == allocated);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] s : threeArms ? SYNBIOTIC : new Object[0][]) {
      String code = (String) s[0];
      rows.add(crp(code, "", (Double) s[1]));
      rows.add(hamd(code, "W0", (Integer) s[2], "2026-03-01T08:00:00Z"));
      rows.add(hamd(code, "W8", (Integer) s[3], "2026-04-26T08:00:00Z"));
    }
    for (JsonNode p : participants) {
      String code = p.get(0).asText();
      JsonNode crp = p.get(2);
      if (crp.isNumber()) {
        rows.add(crp(code, "", crp.asDouble()));
      } else if (crp.isTextual()) {
        // "<0.5": censored at the LLOQ
        rows.add(
            with(crp(code, "", Double.parseDouble(crp.asText().substring(1))), "comparator", "<"));
      } else if (code.equals("P11")) {
        rows.add(with(crp(code, "", 2.0), "qcStatus", "FAIL"));
      }
      if (!p.get(3).isNull()) {
        rows.add(hamd(code, "W0", p.get(3).asInt(), "2026-03-01T08:00:00Z"));
      }
      if (!p.get(4).isNull()) {
        rows.add(hamd(code, "W8", p.get(4).asInt(), "2026-04-26T08:00:00Z"));
      }
      JsonNode il6 = fixture.path("il6").path(code);
      rows.add(il6(code, "W0", il6.get(0).asDouble(), "2026-03-01T08:00:00Z"));
      rows.add(il6(code, "W8", il6.get(1).asDouble(), "2026-04-26T08:00:00Z"));
    }
    // an earlier hs-CRP of P05 below the cut: the later result (3.0) is the baseline value
    rows.add(with(crp("P05", "-early", 1.0), "collectedAt", "2026-02-28T08:00:00Z"));
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    return id;
  }

  private static Map<String, Object> crp(String participant, String suffix, double value) {
    return with(
        row(participant, "W0", participant + "-W0-CRP" + suffix, "HSCRP"),
        "value",
        value,
        "unit",
        "mg/L",
        "collectedAt",
        "2026-03-01T08:00:00Z");
  }

  private static Map<String, Object> il6(
      String participant, String visit, double value, String collectedAt) {
    return with(
        row(participant, visit, participant + "-" + visit + "-IL6", "IL6"),
        "value",
        value,
        "collectedAt",
        collectedAt);
  }

  private static Map<String, Object> hamd(
      String participant, String visit, int value, String collectedAt) {
    return with(
        row(participant, visit, participant + "-" + visit + "-HAMD", "HAMD17"),
        "value",
        value,
        "unit",
        "{score}",
        "collectedAt",
        collectedAt);
  }

  @Test
  void thePreRegisteredSubgroupItsEffectsAndTheInteractionFromOneModel() throws Exception {
    String id = trial("NONE");
    JsonPath answer = get("statistician", id, "outcome=HAMD17&visit=W8&subgroup=CRP3");
    assertThat(answer.getBoolean("preRegistered")).isTrue();
    assertThat(answer.getString("preRegistration")).startsWith("Pre-registered").contains("CRP3");
    assertThat(answer.getString("subgroup.code")).isEqualTo("CRP3");
    assertThat(answer.getString("subgroup.measure")).isEqualTo("HSCRP");
    assertThat(answer.getString("subgroup.unit")).isEqualTo("mg/L");
    assertThat(answer.getString("subgroup.specimen")).isEqualTo("SERUM");
    assertThat(answer.getString("subgroup.stratificationFactor")).isEqualTo("CRP");
    assertThat(answer.getList("subgroup.cuts", Double.class)).containsExactly(3.0);
    assertThat(answer.getString("baselineVisit")).isEqualTo("W0");
    assertThat(answer.getString("effectMeasure")).isEqualTo("MEAN_DIFFERENCE");
    assertThat(answer.getBoolean("byArm")).isTrue();
    counts(answer);
    assertThat(answer.getInt("groups[0].n")).isEqualTo(10);
    assertThat(answer.getInt("groups[0].nCensoredBaseline")).isEqualTo(1);
    assertThat(answer.getString("groups[0].label")).isEqualTo("HSCRP < 3");
    assertThat(answer.getInt("groups[1].n")).isEqualTo(10);
    assertThat(answer.getString("groups[1].label")).isEqualTo("HSCRP ≥ 3");
    assertThat(answer.getString("comparatorArm")).isEqualTo("PLACEBO");
    assertThat(answer.getList("comparisons")).hasSize(1);
    matches(answer, "CRP3");
    assertThat(answer.getString("comparisons[0].interaction.model"))
        .isEqualTo("HAMD17@W8 ~ arm + subgroup + arm×subgroup + HAMD17@W0");
    // no p value per subgroup: only intervals
    assertThat(answer.getMap("comparisons[0].effects[0]")).doesNotContainKey("p");
  }

  @Test
  void aLogScaleOutcomeIsModelledOnLogsAndItsEffectsAreRatios() throws Exception {
    // IL-6 (log scale) at W0 and W8 of all 24: Q02's W8 of 0 has no log; P11 and Q11 have no
    // hs-CRP; P12 and Q12 have both IL-6 values → 21 analysed (fixture CRP3_LOG_IL6)
    String id = trial("NONE");
    JsonPath answer = get("statistician", id, "outcome=IL6&visit=W8&subgroup=CRP3");
    assertThat(answer.getBoolean("logScale")).isTrue();
    assertThat(answer.getString("effectMeasure")).isEqualTo("GEOMETRIC_MEAN_RATIO");
    assertThat(answer.getString("outcomeUnit")).isEqualTo("pg/mL");
    assertThat(answer.getInt("nAnalysed")).isEqualTo(21);
    assertThat(answer.getList("groups.n", Integer.class)).containsExactly(10, 11);
    List<Map<String, Object>> notAnalysed = answer.getList("notAnalysed");
    Map<String, Integer> reasons = new LinkedHashMap<>();
    notAnalysed.forEach(
        r -> reasons.put((String) r.get("reason"), ((Number) r.get("n")).intValue()));
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("NON_POSITIVE_OUTCOME", 1, "NO_SUBGROUP_VALUE", 2));
    assertThat(answer.getString("comparisons[0].interaction.model"))
        .isEqualTo("ln IL6@W8 ~ arm + subgroup + arm×subgroup + ln IL6@W0");
    JsonNode scenario = scenario("CRP3_LOG_IL6");
    JsonNode interaction = scenario.path("interaction");
    for (String field : List.of("n", "f", "df1", "df2", "p", "estimate", "t")) {
      close(
          answer.getDouble("comparisons[0].interaction." + field),
          interaction.path(field).asDouble(),
          "log interaction " + field);
    }
    for (JsonNode group : scenario.path("groups")) {
      String e = "comparisons[0].effects[" + group.path("group").asInt() + "]";
      close(answer.getDouble(e + ".estimate"), group.path("ratio").asDouble(), e + " ratio");
      close(answer.getDouble(e + ".ciLow"), group.path("ratioCiLow").asDouble(), e + " low");
      close(answer.getDouble(e + ".ciHigh"), group.path("ratioCiHigh").asDouble(), e + " high");
      close(
          answer.getDouble(e + ".standardError"),
          group.path("standardError").asDouble(),
          e + " se of the log ratio");
    }
  }

  @Test
  void exploratorySubgroupsAreFlaggedAndCutAsAsked() throws Exception {
    String id = trial("NONE");
    JsonPath byCutoff = get("statistician", id, "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=3");
    assertThat(byCutoff.getBoolean("preRegistered")).isFalse();
    assertThat(byCutoff.getString("preRegistration")).startsWith("Exploratory");
    assertThat(byCutoff.getMap("subgroup")).doesNotContainKey("code");
    counts(byCutoff);
    matches(byCutoff, "CRP3");

    JsonPath tertiles = get("statistician", id, "outcome=HAMD17&visit=W8&by=HSCRP&quantiles=3");
    assertThat(tertiles.getBoolean("preRegistered")).isFalse();
    assertThat(tertiles.getInt("subgroup.quantiles")).isEqualTo(3);
    List<Double> cuts = tertiles.getList("subgroup.cuts", Double.class);
    JsonNode want = scenario("TERTILES").path("cuts");
    assertThat(cuts).hasSize(2);
    close(cuts.get(0), want.get(0).asDouble(), "cut 1");
    close(cuts.get(1), want.get(1).asDouble(), "cut 2");
    assertThat(tertiles.getList("groups.n", Integer.class)).containsExactly(7, 6, 7);
    matches(tertiles, "TERTILES");
    assertThat(tertiles.getMap("comparisons[0].interaction")).doesNotContainKey("t");

    // a cut below the LLOQ of P03's censored 0.5: it could lie on either side
    JsonPath low = get("statistician", id, "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=0.4");
    assertThat(low.getInt("nAnalysed")).isEqualTo(19);
    assertThat(low.getList("notAnalysed.reason")).contains("CENSORED_ACROSS_CUT");
    assertThat(low.getList("groups.n", Integer.class)).containsExactly(0, 19);
    assertThat(low.getString("comparisons[0].interaction.unavailableReason"))
        .contains("at least two");
    assertThat(low.getString("comparisons[0].effects[0].reason")).isNotBlank();
  }

  @Test
  void whileBlindedTheCallerGetsPooledSubgroupSizesOnly() throws Exception {
    String id = trial("DOUBLE");
    JsonPath blinded = get("blinded-statistician", id, "outcome=HAMD17&visit=W8&subgroup=CRP3");
    assertThat(blinded.getBoolean("byArm")).isFalse();
    assertThat(blinded.getMap(""))
        .doesNotContainKeys("comparisons", "comparatorArm", "comparatorRule");
    counts(blinded);
    assertThat(blinded.getList("groups.n", Integer.class)).containsExactly(10, 10);
    assertThat(blinded.getBoolean("preRegistered")).isTrue();
    JsonPath statistician = get("statistician", id, "outcome=HAMD17&visit=W8&subgroup=CRP3");
    assertThat(statistician.getBoolean("byArm")).isTrue();
    matches(statistician, "CRP3");
  }

  @Test
  void withThreeArmsEachExperimentalArmHasAModelOfItsOwnWithTheComparator() throws Exception {
    String id = trial("NONE", true);
    JsonPath answer = get("statistician", id, "outcome=HAMD17&visit=W8&subgroup=CRP3");
    // pooled sizes count every arm: S01 S02 S03 below 3, S04 S05 S06 at or above
    assertThat(answer.getInt("nAnalysed")).isEqualTo(26);
    assertThat(answer.getList("groups.n", Integer.class)).containsExactly(13, 13);
    assertThat(answer.getList("comparisons.experimentalArm"))
        .containsExactly("PROBIOTIC", "SYNBIOTIC");
    // one model per comparison: the synbiotic participants leave PROBIOTIC vs PLACEBO as it was
    matches(answer, "CRP3");
    String synbiotic = "comparisons[1]";
    assertThat(answer.getString(synbiotic + ".comparatorArm")).isEqualTo("PLACEBO");
    assertThat(answer.getInt(synbiotic + ".nExperimental")).isEqualTo(6);
    assertThat(answer.getInt(synbiotic + ".nComparator")).isEqualTo(10);
    assertThat(answer.getInt(synbiotic + ".interaction.n")).isEqualTo(16);
    assertThat(answer.getDouble(synbiotic + ".interaction.df2")).isEqualTo(11.0); // 16 − 5
    assertThat(answer.getList(synbiotic + ".effects.nExperimental", Integer.class))
        .containsExactly(3, 3);
  }

  @Test
  void badRequestsAreProblems() throws Exception {
    String id = trial("NONE");
    for (String query :
        List.of(
            "outcome=HAMD17&visit=W8", // neither subgroup nor by
            "outcome=HAMD17&visit=W8&subgroup=CRP3&by=HSCRP&cutoffs=3", // both
            "outcome=HAMD17&visit=W8&subgroup=NOPE", // not in the plan
            "outcome=HAMD17&visit=W8&subgroup=CRP3&cutoffs=2", // the plan's cuts are the plan's
            "outcome=HAMD17&visit=W8&by=HSCRP", // neither cutoffs nor quantiles
            "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=3&quantiles=2",
            "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=3,1", // not ascending
            "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=3,3",
            "outcome=HAMD17&visit=W8&by=HSCRP&cutoffs=three",
            "outcome=HAMD17&visit=W8&by=HSCRP&quantiles=1",
            "outcome=HAMD17&visit=W8&by=HSCRP&quantiles=6",
            "outcome=HAMD17&visit=W8&by=HSCRP&quantiles=2.5",
            "outcome=HAMD17&visit=W8&by=NO_SUCH&cutoffs=3", // unknown analyte
            "outcome=NO_SUCH&visit=W8&subgroup=CRP3",
            "visit=W8&subgroup=CRP3",
            "outcome=HAMD17&subgroup=CRP3",
            "outcome=HAMD17&visit=W9&subgroup=CRP3", // not in the schedule
            "outcome=HAMD17&visit=W0&subgroup=CRP3", // the baseline itself
            "outcome=HAMD17&visit=W8&subgroup=CRP3&specimen=STOOL")) { // HSCRP is not in stool
      as("statistician", CONSORTIUM)
          .get("/api/v1/trials/" + id + "/subgroups?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    as("statistician", "OTHER")
        .get("/api/v1/trials/" + id + "/subgroups?outcome=HAMD17&visit=W8&subgroup=CRP3")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aPlannedSubgroupThatCannotBeAnalysedIsTheRecordsFault() throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> record = TrialEventsProducer.trialView(id, 1, "NONE", "Placebo");
    record.put(
        "analysisPlan",
        Map.of(
            "subgroups",
            List.of(
                Map.of(
                    "code",
                    "UNKNOWN_MEASURE",
                    "measure",
                    Map.of("kind", "ANALYTE", "code", "NO_SUCH"),
                    "cutoffs",
                    List.of(1)),
                Map.of(
                    "code", "NO_SPLIT", "measure", Map.of("kind", "ANALYTE", "code", "HSCRP")))));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(record);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
    for (String code : List.of("UNKNOWN_MEASURE", "NO_SPLIT")) {
      as("statistician", CONSORTIUM)
          .get("/api/v1/trials/" + id + "/subgroups?outcome=HAMD17&visit=W8&subgroup=" + code)
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
  }

  /** The hand counts of the class comment: who is analysed and why the others are not. */
  private static void counts(JsonPath answer) {
    assertThat(answer.getInt("nAllocated")).isEqualTo(24);
    assertThat(answer.getInt("nAnalysed")).isEqualTo(20);
    Map<String, Integer> reasons = new LinkedHashMap<>();
    List<Map<String, Object>> notAnalysed = answer.getList("notAnalysed");
    for (Map<String, Object> r : notAnalysed) {
      reasons.put((String) r.get("reason"), ((Number) r.get("n")).intValue());
    }
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("NO_OUTCOME_AT_VISIT", 1, "NO_OUTCOME_AT_BASELINE", 1, "NO_SUBGROUP_VALUE", 2));
  }

  /** Effects per subgroup and the interaction test equal the fixture's scenario. */
  private static void matches(JsonPath answer, String name) {
    JsonNode scenario = scenario(name);
    String c = "comparisons[0]";
    assertThat(answer.getString(c + ".experimentalArm")).isEqualTo("PROBIOTIC");
    assertThat(answer.getString(c + ".comparatorArm")).isEqualTo("PLACEBO");
    JsonNode interaction = scenario.path("interaction");
    assertThat(answer.getInt(c + ".interaction.n")).isEqualTo(interaction.path("n").asInt());
    for (String field : List.of("f", "df1", "df2", "p", "estimate", "t")) {
      if (interaction.has(field)) {
        close(
            answer.getDouble(c + ".interaction." + field),
            interaction.path(field).asDouble(),
            name + " interaction " + field);
      }
    }
    JsonNode groups = scenario.path("groups");
    assertThat(answer.getList(c + ".effects")).hasSize(groups.size());
    for (JsonNode group : groups) {
      String e = c + ".effects[" + group.path("group").asInt() + "]";
      assertThat(answer.getString(e + ".method")).isEqualTo("ANCOVA");
      assertThat(answer.getInt(e + ".nExperimental"))
          .isEqualTo(group.path("nExperimental").asInt());
      assertThat(answer.getInt(e + ".nComparator")).isEqualTo(group.path("nComparator").asInt());
      for (String field : List.of("estimate", "standardError", "ciLow", "ciHigh", "df")) {
        close(
            answer.getDouble(e + "." + field),
            group.path(field).asDouble(),
            name + " " + e + " " + field);
      }
    }
  }

  private static JsonNode scenario(String name) {
    for (JsonNode s : fixture.path("scenarios")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name);
  }

  private static JsonPath get(String role, String id, String query) {
    return as(role, CONSORTIUM)
        .get("/api/v1/trials/" + id + "/subgroups?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private static void close(double got, double want, String name) {
    assertThat(got).as(name).isCloseTo(want, within(Math.max(Math.abs(want) * 1e-9, 1e-12)));
  }
}
