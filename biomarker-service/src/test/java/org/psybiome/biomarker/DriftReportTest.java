package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The drift report through the HTTP API. The trial's schedule (ResultsApi.registeredTrial): W0 with
 * panels INFLAMMATION (IL6, TNFA, HSCRP, IL1B, IL10) and HPA (CORTISOL_AM, CORTISOL_SALIVA, ACTH)
 * and scale HAMD17; W8 with INFLAMMATION and scales HAMD17, MADRS. The results below make every
 * category non-empty; the expected lists are written out by hand.
 */
@QuarkusTest
class DriftReportTest {

  private static final String HEADER =
      "participant,visit,sampleId,collectedAt,analyte,value,unit\n";

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void resultsWithDrift() {
    trial = ResultsApi.registeredTrial(snapshots);
    String csv =
        HEADER
            + "MG-0001,W0,A-1,2026-03-01T08:15:00Z,IL6,2,pg/mL\n"
            + "MG-0002,W0,A-2,2026-03-01T08:15:00Z,IL6,3,pg/mL\n"
            + "MG-0001,W0,A-1,2026-03-01T08:15:00Z,CORTISOL_AM,300,nmol/L\n"
            + "MG-0001,W0,A-1-CRF,2026-03-01T08:15:00Z,HAMD17,20,{score}\n"
            + "MG-0002,W0,A-2-CRF,2026-03-01T08:15:00Z,HAMD17,22,{score}\n"
            + "MG-0003,W0,A-3-CRF,2026-03-01T08:15:00Z,HAMD17,18,{score}\n"
            // BDNF: in no panel or scale of W0
            + "MG-0001,W0,A-1,2026-03-01T08:15:00Z,BDNF,20,ng/mL\n"
            + "MG-0002,W0,A-2,2026-03-01T08:15:00Z,BDNF,21,ng/mL\n"
            + "MG-0001,W8,B-1,2026-05-01T08:15:00Z,IL6,4,pg/mL\n"
            + "MG-0001,W8,B-1-CRF,2026-05-01T08:15:00Z,MADRS,25,{score}\n"
            // CORTISOL_AM: registered at W0 (HPA) but not at W8
            + "MG-0002,W8,B-2,2026-05-01T08:15:00Z,CORTISOL_AM,280,nmol/L\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);
  }

  private JsonPath drift(String role) {
    return as(role, CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/drift")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void listsUnregisteredAndUnreportedAnalytesPerVisit() {
    JsonPath report = drift("reader");
    assertThat(report.getString("trialId")).isEqualTo(trial);
    assertThat(report.getInt("trialVersion")).isEqualTo(2);
    assertThat(report.getList("visits.visit")).containsExactly("W0", "W8");
    assertThat(report.getList("visits.inSchedule")).containsExactly(true, true);

    assertThat(report.getList("visits[0].registered"))
        .containsExactly(
            "IL6",
            "TNFA",
            "HSCRP",
            "IL1B",
            "IL10",
            "CORTISOL_AM",
            "CORTISOL_SALIVA",
            "ACTH",
            "HAMD17");
    assertThat(counts(report, "visits[0].reported"))
        .containsExactly(
            Map.entry("BDNF", 2),
            Map.entry("CORTISOL_AM", 1),
            Map.entry("HAMD17", 3),
            Map.entry("IL6", 2));
    assertThat(counts(report, "visits[0].reportedUnregistered"))
        .containsExactly(Map.entry("BDNF", 2));
    assertThat(report.getList("visits[0].registeredNotReported"))
        .containsExactly("TNFA", "HSCRP", "IL1B", "IL10", "CORTISOL_SALIVA", "ACTH");

    assertThat(report.getList("visits[1].registered"))
        .containsExactly("IL6", "TNFA", "HSCRP", "IL1B", "IL10", "HAMD17", "MADRS");
    assertThat(counts(report, "visits[1].reported"))
        .containsExactly(Map.entry("CORTISOL_AM", 1), Map.entry("IL6", 1), Map.entry("MADRS", 1));
    assertThat(counts(report, "visits[1].reportedUnregistered"))
        .containsExactly(Map.entry("CORTISOL_AM", 1));
    assertThat(report.getList("visits[1].registeredNotReported"))
        .containsExactly("TNFA", "HSCRP", "IL1B", "IL10", "HAMD17");
    assertThat(report.getList("visits[1].unknownPanels")).isEmpty();

    assertThat(report.getInt("totals.registered")).isEqualTo(16);
    assertThat(report.getInt("totals.reported")).isEqualTo(7);
    assertThat(report.getInt("totals.reportedUnregistered")).isEqualTo(2);
    assertThat(report.getInt("totals.unregisteredResults")).isEqualTo(3);
    assertThat(report.getInt("totals.registeredNotReported")).isEqualTo(11);
  }

  /** A schedule changed after the results came in: the outcome switch the report exists for. */
  @Test
  void comparesWithTheScheduleAsItStandsNow() {
    Map<String, Object> changed = TrialEventsProducer.trialView(trial, 3, "NONE", "Placebo");
    changed.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                visit("W0", 0, true, List.of("INFLAMMATION", "HPA"), List.of("HAMD17")),
                // MADRS dropped, and a panel the catalogue does not have
                visit("W8", 56, false, List.of("INFLAMMATION", "LIPIDS"), List.of("HAMD17")))));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.updated(changed);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.trial(trial).map(t -> t.version() == 3).orElse(false));

    JsonPath report = drift("registrant");
    assertThat(report.getInt("trialVersion")).isEqualTo(3);
    assertThat(report.getList("visits[1].registered"))
        .containsExactly("IL6", "TNFA", "HSCRP", "IL1B", "IL10", "HAMD17");
    assertThat(counts(report, "visits[1].reportedUnregistered"))
        .containsExactly(Map.entry("CORTISOL_AM", 1), Map.entry("MADRS", 1));
    assertThat(report.getList("visits[1].unknownPanels")).containsExactly("LIPIDS");
    assertThat(report.getInt("totals.unregisteredResults")).isEqualTo(4);
  }

  @Test
  void onlyTheOwningConsortiumSeesTheReport() {
    drift("pipeline");
    drift("statistician");
    as("reader", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/drift")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("curator", CONSORTIUM).get("/api/v1/trials/" + trial + "/drift").then().statusCode(403);
    as("reader", CONSORTIUM).get("/api/v1/trials/PSB-0000-000000/drift").then().statusCode(404);
  }

  private static Map<String, Integer> counts(JsonPath report, String path) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Map<String, Object>> entries = report.getList(path);
    entries.forEach(e -> counts.put((String) e.get("analyte"), (Integer) e.get("results")));
    return counts;
  }

  private static Map<String, Object> visit(
      String code, int day, boolean baseline, List<String> panels, List<String> scales) {
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("code", code);
    visit.put("label", code);
    visit.put("dayOffset", day);
    visit.put("baseline", baseline);
    visit.put("panels", panels);
    visit.put("scales", scales);
    return visit;
  }
}
