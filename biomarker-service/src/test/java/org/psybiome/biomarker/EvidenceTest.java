package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;
import static org.psybiome.biomarker.TrialEventsProducer.arm;
import static org.psybiome.biomarker.TrialEventsProducer.intervention;
import static org.psybiome.biomarker.TrialEventsProducer.standardCare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.evidence.EffectSizes;
import org.psybiome.biomarker.service.evidence.StudyEffect;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GET /evidence over trials of several consortia registered through trial events, HAMD17 at W0 (20
 * for everyone) and W8 (20 + the change). Each arm's changes (the CHANGES table, the same in {@code
 * reference/evidence.R}) give by hand, e.g. T1:
 *
 * <pre>
 *   PRO −10, −8, −12, −6, −9: mean −9, SD √(1+1+9+9+0)/4 = √5      n 5
 *   PLA  −6, −4, −7, −5, −3: mean −5, SD √(1+1+4+0+4)/4 = √2.5    n 5
 *   MD −4, variance 5/5 + 2.5/5 = 1.5
 * </pre>
 *
 * Effects, pooled figures (REML, Hartung–Knapp, prediction interval), leave-one-out, weights and
 * subgroups from R metafor ({@code reference/evidence.json}), to 1e-6 relative. Trials:
 *
 * <pre>
 *   T1 own consortium, open, COMPLETED, NOT shared; PROBIOTIC + adjunct SSRI (and a 2nd such arm)
 *   T2 other, double-masked then unblinded, ACTIVE_NOT_RECRUITING, shared; PROBIOTIC alone
 *   T3 other, open, TERMINATED, shared; SYNBIOTIC + adjunct SSRI
 *   T4 other, open, COMPLETED, shared; FMT vs sham
 *   T5 other, open, COMPLETED, NOT shared; PROBIOTIC      → NOT_SHARED (enters its own answer)
 *   T6 other, double-masked, COMPLETED, shared; PROBIOTIC → BLINDED until unblinded
 *   T7 other, open, RECRUITING, shared; PROBIOTIC         → ONGOING
 *   T8 other, open, COMPLETED, shared; PREBIOTIC, MADRS only (baseline 25) → NO_RESULTS for HAMD17
 *   S1, S2 other, open, COMPLETED, shared; PROBIOTIC; IL6 in serum / in plasma
 *   B1, B2 other, open, COMPLETED, shared; PROBIOTIC; stool BUTYRATE per wet / per dry mass
 * </pre>
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double Z = 1.959963984540054;

  /** Consortia of this run only: no other test's trial is of them. */
  private static final String RUN =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();

  private static final String OWN = "EVOWN" + RUN;

  /** Per trial: arm code → changes from baseline (experimental arm first, comparator last). */
  private static final Map<String, Map<String, int[]>> CHANGES = new LinkedHashMap<>();

  static {
    CHANGES.put(
        "T1",
        arms(
            "PRO", new int[] {-10, -8, -12, -6, -9},
            "PRO2", new int[] {-11, -7},
            "PLA", new int[] {-6, -4, -7, -5, -3}));
    CHANGES.put(
        "T2",
        arms("PRO", new int[] {-6, -5, -7, -9, -4, -8}, "PLA", new int[] {-6, -7, -3, -5, -8, -4}));
    CHANGES.put("T3", arms("SYN", new int[] {-7, -12, -9, -10}, "PLA", new int[] {-5, -6, -8, -4}));
    CHANGES.put(
        "T4",
        arms("FMT", new int[] {-13, -16, -10, -14, -12}, "SHAM", new int[] {-4, -7, -2, -6, -5}));
    CHANGES.put("T5", arms("PRO", new int[] {-14, -12, -13}, "PLA", new int[] {-2, -3, -1}));
    CHANGES.put("T6", arms("PRO", new int[] {-8, -9, -10}, "PLA", new int[] {-4, -5, -3}));
    CHANGES.put("T7", arms("PRO", new int[] {-8, -9, -10}, "PLA", new int[] {-4, -5, -3}));
    CHANGES.put("T8", arms("PRE", new int[] {-6, -8, -5, -9}, "PLA", new int[] {-3, -4, -6, -2}));
    CHANGES.put("S1", arms("PRO", new int[] {-3, -2, -4}, "PLA", new int[] {-1, 0, -2}));
    CHANGES.put("S2", arms("PRO", new int[] {-3, -2, -4}, "PLA", new int[] {-1, 0, -2}));
    CHANGES.put("B1", arms("PRO", new int[] {3, 2, 4}, "PLA", new int[] {1, 0, 2}));
    CHANGES.put("B2", arms("PRO", new int[] {3, 2, 4}, "PLA", new int[] {1, 0, 2}));
  }

  /** Trial name (T1 ...) → registry id, and back. */
  private static final Map<String, String> IDS = new LinkedHashMap<>();

  private static final Map<String, String> NAMES = new HashMap<>();
  private static JsonNode fixture;
  private static boolean registered;

  @Inject TrialSnapshots snapshots;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in = EvidenceTest.class.getResourceAsStream("/reference/evidence.json")) {
      fixture = JSON.readTree(in);
    }
  }

  private static Map<String, int[]> arms(Object... codeAndChanges) {
    Map<String, int[]> arms = new LinkedHashMap<>();
    for (int i = 0; i < codeAndChanges.length; i += 2) {
      arms.put((String) codeAndChanges[i], (int[]) codeAndChanges[i + 1]);
    }
    return arms;
  }

  private static String consortium(String name) {
    return name.equals("T1") ? OWN : "EV" + name + RUN;
  }

  /** Registers every trial once, enrols its participants and posts their results. */
  private synchronized void scenario() throws Exception {
    if (registered) {
      return;
    }
    List<Map<String, Object>> pro =
        List.of(intervention("PROBIOTIC", "PRO"), intervention("PLACEBO", "PLA"));
    List<Map<String, Object>> proArms =
        List.of(
            arm("PRO", "Probiotic", "EXPERIMENTAL", List.of("PRO")),
            arm("PLA", "Placebo", "PLACEBO_COMPARATOR", List.of("PLA")));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      register(
          events,
          "T1",
          "COMPLETED",
          "NONE",
          false,
          List.of(
              intervention("PROBIOTIC", "PRO"),
              intervention("PLACEBO", "PLA"),
              standardCare("SSRI", true)),
          List.of(
              arm("PRO", "Probiotic + SSRI", "EXPERIMENTAL", List.of("PRO", "SSRI")),
              arm("PRO2", "Probiotic (double dose) + SSRI", "EXPERIMENTAL", List.of("PRO", "SSRI")),
              arm("PLA", "Placebo + SSRI", "PLACEBO_COMPARATOR", List.of("PLA", "SSRI"))));
      register(events, "T2", "ACTIVE_NOT_RECRUITING", "DOUBLE", true, pro, proArms);
      register(
          events,
          "T3",
          "TERMINATED",
          "NONE",
          true,
          List.of(
              intervention("SYNBIOTIC", "SYN"),
              intervention("PLACEBO", "PLA"),
              standardCare("SSRI", true)),
          List.of(
              arm("SYN", "Synbiotic + SSRI", "EXPERIMENTAL", List.of("SYN", "SSRI")),
              arm("PLA", "Placebo + SSRI", "PLACEBO_COMPARATOR", List.of("PLA", "SSRI"))));
      register(
          events,
          "T4",
          "COMPLETED",
          "NONE",
          true,
          List.of(intervention("FMT", "FMT"), intervention("SHAM", "SHAM")),
          List.of(
              arm("FMT", "FMT", "EXPERIMENTAL", List.of("FMT")),
              arm("SHAM", "Sham FMT", "SHAM_COMPARATOR", List.of("SHAM"))));
      register(events, "T5", "COMPLETED", "NONE", false, pro, proArms);
      register(events, "T6", "COMPLETED", "DOUBLE", true, pro, proArms);
      register(events, "T7", "RECRUITING", "NONE", true, pro, proArms);
      register(
          events,
          "T8",
          "COMPLETED",
          "NONE",
          true,
          List.of(intervention("PREBIOTIC", "PRE"), intervention("PLACEBO", "PLA")),
          List.of(
              arm("PRE", "Prebiotic", "EXPERIMENTAL", List.of("PRE")),
              arm("PLA", "Placebo", "PLACEBO_COMPARATOR", List.of("PLA"))));
      register(events, "S1", "COMPLETED", "NONE", true, pro, proArms);
      register(events, "S2", "COMPLETED", "NONE", true, pro, proArms);
      register(events, "B1", "COMPLETED", "NONE", true, pro, proArms);
      register(events, "B2", "COMPLETED", "NONE", true, pro, proArms);
      events.unblinded(IDS.get("T2"), 2);
    }
    for (String name : IDS.keySet()) {
      String id = IDS.get(name);
      int participants = CHANGES.get(name).values().stream().mapToInt(c -> c.length).sum();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> snapshots.allocations(id).size() == participants);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.trial(IDS.get("T2")).orElseThrow().unblinded());
    for (String name : IDS.keySet()) {
      post(name);
    }
    registered = true;
  }

  private void register(
      TrialEventsProducer events,
      String name,
      String status,
      String masking,
      boolean shared,
      List<Map<String, Object>> interventions,
      List<Map<String, Object>> arms) {
    String id = TrialEventsProducer.newTrialId();
    IDS.put(name, id);
    NAMES.put(id, name);
    events.registered(
        TrialEventsProducer.evidenceRecord(
            id, consortium(name), status, masking, shared, interventions, arms));
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
    CHANGES
        .get(name)
        .forEach(
            (armCode, changes) -> {
              for (int i = 0; i < changes.length; i++) {
                events.enrolled(id, participant(name, armCode, i), armCode, armCode);
              }
            });
  }

  private static String participant(String name, String arm, int i) {
    return name + "-" + arm + "-" + (i + 1);
  }

  /**
   * HAMD17 (T8: MADRS, baseline 25; S1/S2: IL6 in serum/plasma, baseline 10; B1/B2: stool BUTYRATE
   * per wet/dry mass, umol/g, baseline 20) at W0 and W8.
   */
  private static void post(String name) throws Exception {
    String id = IDS.get(name);
    boolean butyrate = name.startsWith("B");
    String analyte =
        name.equals("T8")
            ? "MADRS"
            : name.startsWith("S") ? "IL6" : butyrate ? "BUTYRATE" : "HAMD17";
    int baseline = name.equals("T8") ? 25 : name.startsWith("S") ? 10 : 20;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map.Entry<String, int[]> arm : CHANGES.get(name).entrySet()) {
      for (int i = 0; i < arm.getValue().length; i++) {
        String code = participant(name, arm.getKey(), i);
        for (String visit : List.of("W0", "W8")) {
          int value = visit.equals("W0") ? baseline : baseline + arm.getValue()[i];
          Map<String, Object> row =
              with(
                  row(code, visit, code + "-" + visit + "-" + analyte, analyte),
                  "value",
                  value,
                  "unit",
                  name.startsWith("S") ? "pg/mL" : butyrate ? "umol/g" : "{score}",
                  "collectedAt",
                  visit.equals("W0") ? "2026-03-01T08:00:00Z" : "2026-04-26T08:00:00Z");
          if (name.startsWith("S")) {
            row.put("specimen", name.equals("S1") ? "SERUM" : "PLASMA");
          }
          if (butyrate) {
            row.put("basis", name.equals("B1") ? "WET" : "DRY");
          }
          rows.add(row);
        }
      }
    }
    as("pipeline", consortium(name))
        .contentType("application/json")
        .body(JSON.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/trials/" + id + "/results")
        .then()
        .statusCode(201);
  }

  @Test
  @Order(1)
  void poolsTheQualifyingTrialsAsMetaforDoes() throws Exception {
    scenario();
    JsonNode answer = evidence(OWN, "outcome=HAMD17&timepoint=end-of-treatment");
    assertThat(answer.path("effect").asText()).isEqualTo("md");
    assertThat(answer.path("specimen").asText()).isEqualTo("NOT_APPLICABLE");
    assertFit(answer, "md");
    // T1 is the caller's own consortium's: it enters without the owner's consent
    JsonNode t1 = included(answer, "T1");
    assertThat(t1.path("consortium").asText()).isEqualTo(OWN);
    assertThat(t1.path("experimentalArm").path("code").asText()).isEqualTo("PRO");
    assertThat(t1.path("experimentalArm").path("label").asText()).isEqualTo("Probiotic + SSRI");
    assertThat(t1.path("comparatorArm").path("code").asText()).isEqualTo("PLA");
    assertThat(t1.path("note").asText()).contains("1 other arm").contains("not pooled");
    assertThat(t1.path("interventionType").asText()).isEqualTo("PROBIOTIC");
    assertThat(t1.path("adjunct").asBoolean()).isTrue();
    assertThat(included(answer, "T4").path("interventionType").asText()).isEqualTo("FMT");
    assertThat(included(answer, "T2").path("adjunct").asBoolean()).isFalse();
    assertThat(absent(included(answer, "T2").path("note"))).isTrue();

    assertExcluded(answer, "T5", "NOT_SHARED");
    assertExcluded(answer, "T6", "BLINDED");
    assertExcluded(answer, "T7", "ONGOING");
    assertExcluded(answer, "T8", "NO_RESULTS");
    assertExcluded(answer, "S1", "NO_RESULTS");
  }

  @Test
  @Order(2)
  void aTrialWhoseOwnerDoesNotShareEntersOnlyItsOwnConsortiumsAnswer() throws Exception {
    scenario();
    // T5's own consortium: T5 enters, T1 (not shared, of another consortium) does not
    JsonNode owner = evidence(consortium("T5"), "outcome=HAMD17");
    assertFit(owner, "md_as_t5_owner");
    assertExcluded(owner, "T1", "NOT_SHARED");
    // a third consortium sees neither, and nothing of their results
    JsonNode other = evidence("EVX" + RUN, "outcome=HAMD17");
    JsonNode t5 = assertExcluded(other, "T5", "NOT_SHARED");
    assertExcluded(other, "T1", "NOT_SHARED");
    List<String> fields = new ArrayList<>();
    t5.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("trialId", "title", "consortium", "reason", "detail");
    assertThat(names(other.path("included"))).containsExactlyInAnyOrder("T2", "T3", "T4");
  }

  @Test
  @Order(3)
  void severalScalesPoolHedgesGOfTheFirstEachTrialHas() throws Exception {
    scenario();
    JsonNode answer = evidence(OWN, "outcome=HAMD17,MADRS");
    assertThat(answer.path("effect").asText()).isEqualTo("smd");
    assertFit(answer, "smd_two_scales");
    assertThat(included(answer, "T8").path("outcome").asText()).isEqualTo("MADRS");
    assertThat(included(answer, "T1").path("outcome").asText()).isEqualTo("HAMD17");
    // one scale, smd asked for: the same trials but T8
    JsonNode one = evidence(OWN, "outcome=HAMD17&effect=smd");
    assertThat(names(one.path("included"))).containsExactlyInAnyOrder("T1", "T2", "T3", "T4");
    JsonNode t3 = included(one, "T3");
    StudyEffect g = EffectSizes.hedgesG("T3", hand("T3", "SYN"), hand("T3", "PLA"));
    close(t3.path("effect").asDouble(), g.estimate(), 1e-9, "T3 g");
    close(t3.path("variance").asDouble(), g.variance(), 1e-9, "T3 g variance");
  }

  @Test
  @Order(4)
  void theInterventionTypeAndAdjunctFiltersChooseTheTrials() throws Exception {
    scenario();
    JsonNode probiotic = evidence(OWN, "outcome=HAMD17&interventionType=PROBIOTIC");
    assertFit(probiotic, "md_probiotic");
    assertThat(absent(probiotic.path("leaveOneOut"))).isTrue();
    assertThat(probiotic.path("subgroups")).hasSize(1);
    assertThat(probiotic.path("subgroups").get(0).path("by").asText()).isEqualTo("adjunct");
    assertThat(names(probiotic.path("excluded")))
        .contains("T5", "T6", "T7")
        .doesNotContain("T3", "T4", "T8");

    JsonNode adjunct = evidence(OWN, "outcome=HAMD17&adjunct=true");
    assertFit(adjunct, "md_adjunct");
    assertThat(adjunct.path("subgroups")).hasSize(1);
    assertThat(adjunct.path("subgroups").get(0).path("by").asText()).isEqualTo("interventionType");
    // only T1 and T3 have an adjunct arm: no other trial is listed at all
    assertThat(names(adjunct.path("excluded"))).doesNotContain("T2", "T4", "T5", "T6", "T7");

    JsonNode fmt = evidence(OWN, "outcome=HAMD17&interventionType=FMT&adjunct=false");
    assertThat(names(fmt.path("included"))).containsExactly("T4");
    assertThat(absent(fmt.path("pooled"))).isTrue();
    assertThat(absent(fmt.path("leaveOneOut"))).isTrue();
    assertThat(fmt.path("notPooledReason").asText()).contains("Only one trial");
    assertThat(absent(fmt.path("included").get(0).path("weight"))).isTrue();
    assertThat(fmt.path("excluded")).isEmpty();
  }

  @Test
  @Order(5)
  void resultsInDifferentSpecimensAreNeverPooled() throws Exception {
    scenario();
    Response mixed = as("reader", OWN).get("/api/v1/evidence?outcome=IL6");
    mixed.then().statusCode(422).contentType("application/problem+json");
    String detail = mixed.jsonPath().getString("detail");
    assertThat(detail).contains(IDS.get("S1") + ": [SERUM]").contains(IDS.get("S2") + ": [PLASMA]");
    JsonNode serum = evidence(OWN, "outcome=IL6&specimen=SERUM");
    assertThat(serum.path("specimen").asText()).isEqualTo("SERUM");
    assertThat(names(serum.path("included"))).containsExactly("S1");
    assertExcluded(serum, "S2", "NO_RESULTS");
    assertThat(absent(serum.path("pooled"))).isTrue();
  }

  @Test
  @Order(5)
  void stoolResultsOnDifferentBasesAreNeverPooled() throws Exception {
    scenario();
    Response mixed = as("reader", OWN).get("/api/v1/evidence?outcome=BUTYRATE");
    mixed.then().statusCode(422).contentType("application/problem+json");
    String detail = mixed.jsonPath().getString("detail");
    assertThat(detail).contains(IDS.get("B1") + ": [WET]").contains(IDS.get("B2") + ": [DRY]");
    assertThat(mixed.jsonPath().getList("violations.field")).containsOnly("basis");

    JsonNode wet = evidence(OWN, "outcome=BUTYRATE&basis=WET");
    assertThat(names(wet.path("included"))).containsExactly("B1");
    assertThat(wet.path("basis").asText()).isEqualTo("WET");
    assertExcluded(wet, "B2", "NO_RESULTS");
    assertThat(absent(wet.path("pooled"))).isTrue();
    JsonNode dry = evidence(OWN, "outcome=BUTYRATE&basis=dry");
    assertThat(dry.path("basis").asText()).isEqualTo("DRY");
    assertThat(names(dry.path("included"))).containsExactly("B2");
    assertExcluded(dry, "B1", "NO_RESULTS");

    as("reader", OWN)
        .get("/api/v1/evidence?outcome=BUTYRATE&basis=MOIST")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  @Order(6)
  void badQuestionsAreProblems() throws Exception {
    for (String query :
        List.of(
            "",
            "outcome=",
            "outcome=NO_SUCH",
            "outcome=HAMD17,,MADRS",
            "outcome=HAMD17&timepoint=week-8",
            "outcome=HAMD17&interventionType=VITAMIN",
            "outcome=HAMD17&adjunct=maybe",
            "outcome=HAMD17&effect=ratio",
            "outcome=HAMD17,MADRS&effect=md",
            "outcome=HAMD17,IL6", // several outcomes: rating scales only
            "outcome=HAMD17&specimen=BLOOD",
            "outcome=HAMD17&specimen=SERUM")) {
      as("reader", OWN)
          .get("/api/v1/evidence" + (query.isEmpty() ? "" : "?" + query))
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    assertThat(
            as("reader", OWN)
                .get("/api/v1/evidence?outcome=HAMD17&timepoint=week-8")
                .jsonPath()
                .getString("detail"))
        .contains("end-of-treatment");
    // asked for a picture, a bad question is still a problem, not an error
    as("reader", OWN)
        .accept("image/svg+xml")
        .get("/api/v1/evidence?outcome=NO_SUCH")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("pipeline", OWN).get("/api/v1/evidence?outcome=HAMD17").then().statusCode(403);
  }

  @Test
  @Order(7)
  void theForestPlotIsAnSvgWithOneRowPerTrial() throws Exception {
    scenario();
    for (String query : List.of("outcome=HAMD17", "outcome=HAMD17&interventionType=FMT")) {
      JsonNode answer = evidence(OWN, query);
      Response svg = as("reader", OWN).accept("image/svg+xml").get("/api/v1/evidence?" + query);
      svg.then().statusCode(200).contentType("image/svg+xml");
      byte[] body = svg.asByteArray();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
      Element root = document.getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getElementsByTagNameNS("*", "title").item(0).getTextContent())
          .contains("HAMD17");
      assertThat(root.getElementsByTagNameNS("*", "desc").item(0).getTextContent()).isNotBlank();
      NodeList groups = root.getElementsByTagNameNS("*", "g");
      List<String> rows = new ArrayList<>();
      int diamonds = 0;
      for (int i = 0; i < groups.getLength(); i++) {
        Element g = (Element) groups.item(i);
        if (g.getAttribute("class").equals("trial-row")) {
          rows.add(g.getAttribute("data-trial"));
        }
        if (g.getAttribute("class").equals("pooled")) {
          diamonds++;
        }
      }
      List<String> ids = new ArrayList<>();
      answer.path("included").forEach(t -> ids.add(t.path("trialId").asText()));
      assertThat(rows).isEqualTo(ids);
      assertThat(diamonds).isEqualTo(absent(answer.path("pooled")) ? 0 : 1);
      renders(body);
    }
  }

  @Test
  @Order(8)
  void aMaskedTrialEntersOnlyOnceUnblinded() throws Exception {
    scenario();
    String t6 = IDS.get("T6");
    assertExcluded(evidence(OWN, "outcome=HAMD17"), "T6", "BLINDED");
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.unblinded(t6, 2);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.trial(t6).orElseThrow().unblinded());
    JsonNode answer = evidence(OWN, "outcome=HAMD17");
    assertFit(answer, "md_after_unblinding");
    assertThat(names(answer.path("excluded"))).doesNotContain("T6");
  }

  /** rsvg-convert, when installed, draws it without an error. */
  private static void renders(byte[] svg) throws Exception {
    if (!new File("/usr/bin/rsvg-convert").canExecute()) {
      return;
    }
    Path in = Files.createTempFile("forest", ".svg");
    Path out = Files.createTempFile("forest", ".png");
    Files.write(in, svg);
    Process process =
        new ProcessBuilder("/usr/bin/rsvg-convert", "-o", out.toString(), in.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(Files.size(out)).isPositive();
  }

  private static JsonNode evidence(String consortium, String query) throws Exception {
    String body =
        as("reader", consortium)
            .get("/api/v1/evidence?" + query)
            .then()
            .statusCode(200)
            .contentType("application/json")
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  /** Each arm's change as worked by hand from the CHANGES table: mean, SD (n − 1), n. */
  private static EffectSizes.ArmStatistics hand(String name, String arm) {
    int[] changes = CHANGES.get(name).get(arm);
    double mean = 0;
    for (int c : changes) {
      mean += c;
    }
    mean /= changes.length;
    double squares = 0;
    for (int c : changes) {
      squares += (c - mean) * (c - mean);
    }
    return new EffectSizes.ArmStatistics(
        mean, Math.sqrt(squares / (changes.length - 1)), changes.length);
  }

  /** The answer's included trials, effects and pooled figures are the fixture's fit. */
  private static void assertFit(JsonNode answer, String fitName) {
    JsonNode fit = null;
    for (JsonNode f : fixture.path("fits")) {
      if (f.path("name").asText().equals(fitName)) {
        fit = f;
      }
    }
    assertThat(fit).as(fitName).isNotNull();
    List<String> trials = new ArrayList<>();
    fit.path("trials").forEach(t -> trials.add(t.asText()));
    assertThat(names(answer.path("included"))).containsExactlyInAnyOrderElementsOf(trials);
    boolean md = fit.path("measure").asText().equals("MD");
    for (int i = 0; i < trials.size(); i++) {
      String name = trials.get(i);
      JsonNode t = included(answer, name);
      Map<String, int[]> arms = CHANGES.get(name);
      String experimental = arms.keySet().iterator().next();
      String comparator = new ArrayList<>(arms.keySet()).get(arms.size() - 1);
      EffectSizes.ArmStatistics e = hand(name, experimental);
      EffectSizes.ArmStatistics c = hand(name, comparator);
      assertThat(t.path("experimental").path("n").asInt()).isEqualTo(e.n());
      assertThat(t.path("comparator").path("n").asInt()).isEqualTo(c.n());
      close(t.path("experimental").path("mean").asDouble(), e.mean(), 1e-12, name);
      close(t.path("experimental").path("sd").asDouble(), e.sd(), 1e-12, name);
      close(t.path("comparator").path("mean").asDouble(), c.mean(), 1e-12, name);
      close(t.path("comparator").path("sd").asDouble(), c.sd(), 1e-12, name);
      StudyEffect want =
          md ? EffectSizes.meanDifference(name, e, c) : EffectSizes.hedgesG(name, e, c);
      close(t.path("effect").asDouble(), want.estimate(), 1e-9, name + " effect");
      close(t.path("variance").asDouble(), want.variance(), 1e-9, name + " variance");
      close(t.path("effect").asDouble(), fit.path("yi").get(i).asDouble(), 1e-6, name + " yi");
      close(t.path("variance").asDouble(), fit.path("vi").get(i).asDouble(), 1e-6, name + " vi");
      double se = Math.sqrt(want.variance());
      close(t.path("se").asDouble(), se, 1e-9, name + " se");
      close(t.path("ciLow").asDouble(), want.estimate() - Z * se, 1e-9, name + " ciLow");
      close(t.path("ciHigh").asDouble(), want.estimate() + Z * se, 1e-9, name + " ciHigh");
      close(t.path("weight").asDouble(), fit.path("weights").get(i).asDouble(), 1e-6, name + " w");
    }
    pooled(answer.path("pooled"), fit.path("pooled"), fitName);
    if (fit.path("leaveOneOut").isNull()) {
      assertThat(absent(answer.path("leaveOneOut"))).isTrue();
    } else {
      assertThat(answer.path("leaveOneOut")).hasSize(trials.size());
      for (JsonNode want : fit.path("leaveOneOut")) {
        JsonNode got = null;
        for (JsonNode row : answer.path("leaveOneOut")) {
          if (NAMES
              .get(row.path("omittedTrialId").asText())
              .equals(want.path("omitted").asText())) {
            got = row;
          }
        }
        assertThat(got).as("leave out " + want.path("omitted")).isNotNull();
        for (String field : List.of("estimate", "se", "ciLow", "ciHigh", "p", "tau2", "i2")) {
          close(got.path(field).asDouble(), want.path(field).asDouble(), 1e-6, "loo " + field);
        }
      }
    }
    for (JsonNode analysis : answer.path("subgroups")) {
      String by = analysis.path("by").asText();
      JsonNode want = fit.path(by.equals("adjunct") ? "byAdjunct" : "byInterventionType");
      assertThat(analysis.path("groups")).hasSize(want.path("groups").size());
      for (JsonNode group : want.path("groups")) {
        JsonNode got = null;
        for (JsonNode g : analysis.path("groups")) {
          if (g.path("name").asText().equals(group.path("name").asText())) {
            got = g;
          }
        }
        assertThat(got).as(by + " " + group.path("name")).isNotNull();
        List<String> wantTrials = new ArrayList<>();
        group.path("trials").forEach(t -> wantTrials.add(t.asText()));
        List<String> gotTrials = new ArrayList<>();
        got.path("trialIds").forEach(t -> gotTrials.add(NAMES.get(t.asText())));
        assertThat(gotTrials).containsExactlyInAnyOrderElementsOf(wantTrials);
        if (group.path("pooled").isNull()) {
          assertThat(absent(got.path("pooled"))).isTrue();
        } else {
          pooled(got.path("pooled"), group.path("pooled"), by + " " + group.path("name"));
        }
      }
      JsonNode difference = want.path("difference");
      if (difference.isNull() || difference.isMissingNode()) {
        assertThat(absent(analysis.path("difference"))).isTrue();
      } else {
        close(
            analysis.path("difference").path("q").asDouble(),
            difference.path("q").asDouble(),
            1e-6,
            "Q");
        assertThat(analysis.path("difference").path("df").asInt())
            .isEqualTo(difference.path("df").asInt());
        close(
            analysis.path("difference").path("p").asDouble(),
            difference.path("p").asDouble(),
            1e-6,
            "p");
      }
    }
  }

  private static void pooled(JsonNode got, JsonNode want, String name) {
    assertThat(got.path("k").asInt()).as(name).isEqualTo(want.path("k").asInt());
    assertThat(got.path("df").asInt()).as(name).isEqualTo(want.path("df").asInt());
    for (String field :
        List.of(
            "estimate",
            "se",
            "ciLow",
            "ciHigh",
            "t",
            "p",
            "tau2",
            "i2",
            "h2",
            "q",
            "qP",
            "piLow",
            "piHigh")) {
      close(got.path(field).asDouble(), want.path(field).asDouble(), 1e-6, name + " " + field);
    }
  }

  private static JsonNode included(JsonNode answer, String name) {
    for (JsonNode t : answer.path("included")) {
      if (t.path("trialId").asText().equals(IDS.get(name))) {
        return t;
      }
    }
    throw new AssertionError(name + " is not included: " + answer);
  }

  private static JsonNode assertExcluded(JsonNode answer, String name, String reason) {
    for (JsonNode t : answer.path("excluded")) {
      if (t.path("trialId").asText().equals(IDS.get(name))) {
        assertThat(t.path("reason").asText()).as(name).isEqualTo(reason);
        assertThat(t.path("detail").asText()).as(name).isNotBlank();
        return t;
      }
    }
    throw new AssertionError(name + " is not excluded: " + answer);
  }

  /** The names (T1 ...) of the listed trials of this test; others' trials are left out. */
  private static List<String> names(JsonNode trials) {
    List<String> names = new ArrayList<>();
    trials.forEach(
        t -> {
          String name = NAMES.get(t.path("trialId").asText());
          if (name != null) {
            names.add(name);
          }
        });
    return names;
  }

  /** Null figures are left out of the JSON. */
  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  /** Relative tolerance, with an absolute floor for values at 0 (τ² at its bound). */
  private static void close(double got, double want, double relative, String name) {
    assertThat(got).as(name).isCloseTo(want, within(Math.max(Math.abs(want) * relative, 1e-10)));
  }
}
