package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** Results read back page by page, and batches at the size limit. */
@QuarkusTest
class ResultQueryTest {

  private static final String HEADER =
      "participant,visit,sampleId,collectedAt,analyte,value,unit\n";

  @Inject TrialSnapshots snapshots;

  @Test
  void resultsArePagedByKeysetAndFiltered() {
    String trial = ResultsApi.registeredTrial(snapshots);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 7; i++) {
      String participant = ResultsApi.PARTICIPANTS.get(i % 3);
      csv.append(participant).append(",W0,Q-").append(i).append(",2026-03-01T08:15:00Z,IL6,");
      csv.append(i).append(",pg/mL\n");
    }
    // Q-3 is MG-0001's serum sample (i = 3): cortisol measured in it too
    csv.append("MG-0001,W0,Q-3,2026-03-01T08:15:00Z,CORTISOL_AM,1,ug/dL\n");
    post(trial, "text/csv", csv.toString(), null).then().statusCode(201).body("rows", equalTo(8));

    List<String> samples = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      var request = as("reader", ResultsApi.CONSORTIUM).queryParam("analyte", "IL6");
      if (token != null) {
        request = request.queryParam("pageToken", token);
      }
      JsonPath page =
          request
              .queryParam("pageSize", 3)
              .get("/api/v1/trials/" + trial + "/results")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      samples.addAll(page.getList("items.sampleId"));
      token = page.getString("nextPageToken");
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(samples).containsExactly("Q-1", "Q-2", "Q-3", "Q-4", "Q-5", "Q-6", "Q-7");

    as("statistician", ResultsApi.CONSORTIUM)
        .queryParam("participant", "MG-0001")
        .queryParam("analyte", "CORTISOL_AM")
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].standardValue", equalTo(27.58925f))
        .body("items[0].standardUnit", equalTo("nmol/L"))
        .body("items[0].censored", equalTo(false))
        .body("nextPageToken", nullValue());
    as("reader", "OTHERCONS").get("/api/v1/trials/" + trial + "/results").then().statusCode(404);
    as("curator", ResultsApi.CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(403);
    as("reader", ResultsApi.CONSORTIUM)
        .queryParam("pageToken", "garbage!")
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(400);
  }

  @Test
  void aBatchOfTheMaximumSizeIsStoredAndOneRowMoreIsRefused() {
    String trial = ResultsApi.registeredTrial(snapshots);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 100_000; i++) {
      csv.append(ResultsApi.PARTICIPANTS.get(i % 3))
          .append(i % 2 == 0 ? ",W0,M-" : ",W8,M-")
          .append(i)
          .append(",2026-03-01T08:15:00Z,IL6,1.5,pg/mL\n");
    }
    post(trial, "text/csv", csv.toString(), null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(100_000));

    csv.append("MG-0001,W0,M-100001,2026-03-01T08:15:00Z,IL6,1.5,pg/mL\n");
    String other = ResultsApi.registeredTrial(snapshots);
    post(other, "text/csv", csv.toString(), null)
        .then()
        .statusCode(413)
        .body("status", equalTo(413));
  }
}
