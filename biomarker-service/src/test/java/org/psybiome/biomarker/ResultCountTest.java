package org.psybiome.biomarker;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** Result counts per visit and analyte, for the gateway's overview; only for the consortium. */
@QuarkusTest
class ResultCountTest {

  @Inject TrialSnapshots snapshots;

  @Test
  void resultsAreCountedPerVisitAndAnalyteWithCensoredApart() {
    String trial = ResultsApi.registeredTrial(snapshots);
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n"
            + "MG-0001,W0,C-1,2026-03-01T08:15:00Z,IL6,2.5,pg/mL,\n"
            + "MG-0002,W0,C-2,2026-03-01T08:15:00Z,IL6,0.1,pg/mL,<\n"
            + "MG-0003,W0,C-3,2026-03-01T08:15:00Z,IL6,3.5,pg/mL,\n"
            + "MG-0001,W8,C-4,2026-05-01T08:15:00Z,IL6,1.5,pg/mL,\n"
            + "MG-0001,W0,C-1,2026-03-01T08:15:00Z,CORTISOL_AM,12,ug/dL,\n";
    post(trial, "text/csv", csv, null).then().statusCode(201).body("rows", equalTo(5));

    as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/counts")
        .then()
        .statusCode(200)
        .body("trialId", equalTo(trial))
        .body("total", equalTo(5))
        .body("counts.visit", contains("W0", "W0", "W8"))
        .body("counts.analyte", contains("CORTISOL_AM", "IL6", "IL6"))
        .body("counts.results", contains(1, 3, 1))
        .body("counts.censored", contains(0, 1, 0));
  }

  @Test
  void anotherConsortiumOrNoTokenGetsNoCounts() {
    String trial = ResultsApi.registeredTrial(snapshots);
    as("reader", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/results/counts")
        .then()
        .statusCode(404);
    io.restassured.RestAssured.given()
        .get("/api/v1/trials/" + trial + "/results/counts")
        .then()
        .statusCode(401);
  }
}
