package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The specimens an analyte may be measured in (V18): shown by the catalogue, enforced at ingestion
 * as row errors, and never pooled by summaries.
 */
@QuarkusTest
class AnalyteSpecimenTest {

  private static final String HEADER =
      "participant,visit,sampleId,specimen,collectedAt,analyte,value,unit\n";

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void trial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCatalogueListsEachAnalytesSpecimens() {
    Map<String, List<String>> expected =
        Map.of(
            "BDNF", List.of("SERUM", "PLASMA"),
            "CORTISOL_AM", List.of("SERUM", "PLASMA"),
            "CORTISOL_SALIVA", List.of("SALIVA"),
            "ACTH", List.of("PLASMA"),
            "HSCRP", List.of("SERUM", "PLASMA"),
            "BUTYRATE", List.of("STOOL"),
            "TAXON_1578", List.of("STOOL"),
            "HBA1C", List.of("WHOLE_BLOOD"),
            "GLUCOSE_FASTING", List.of("SERUM", "PLASMA"),
            "HAMD17", List.of("NOT_APPLICABLE"));
    expected.forEach(
        (code, specimens) ->
            assertThat(
                    given()
                        .get("/api/v1/analytes/" + code)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("specimens", String.class))
                .as(code)
                .isEqualTo(specimens));
    // every analyte allows its default specimen
    for (Map<String, Object> analyte :
        given()
            .get("/api/v1/analytes")
            .then()
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("")) {
      assertThat((List<Object>) analyte.get("specimens")).contains(analyte.get("specimen"));
    }
  }

  @Test
  void aRowOfASpecimenTheAnalyteDoesNotAllowIsARowError() {
    String csv =
        HEADER
            + "MG-0001,W0,SP-1,SERUM,2026-03-01T08:00:00Z,CORTISOL_AM,400,nmol/L\n"
            + "MG-0001,W0,SP-2,SALIVA,2026-03-01T08:00:00Z,CORTISOL_AM,10,nmol/L\n"
            + "MG-0002,W0,SP-3,SERUM,2026-03-01T08:00:00Z,BUTYRATE,10,umol/g\n"
            + "MG-0002,W0,SP-4,PLASMA,2026-03-01T08:00:00Z,IL6,2.5,pg/mL\n";
    JsonPath problem =
        post(trial, "text/csv", csv, null).then().statusCode(422).extract().jsonPath();
    assertThat(problem.getList("violations.row", Integer.class)).containsExactly(2, 3);
    assertThat(problem.getList("violations.field", String.class))
        .containsExactly("specimen", "specimen");
    assertThat(problem.getString("violations[0].message"))
        .isEqualTo("CORTISOL_AM is measured in [SERUM, PLASMA], not SALIVA");
    assertThat(problem.getString("violations[1].message"))
        .isEqualTo("BUTYRATE is measured in [STOOL], not SERUM");
    as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  /**
   * BDNF at W0: MG-0001 30 ng/mL in serum, MG-0002 10 and MG-0003 14 ng/mL in plasma. Pooled they
   * would give n = 3, mean 18; per specimen serum n = 1, mean 30, plasma n = 2, mean (10 + 14) / 2
   * = 12.
   */
  @Test
  void summariesNeverPoolSpecimens() {
    String csv =
        HEADER
            + "MG-0001,W0,SB-1,SERUM,2026-03-01T08:00:00Z,BDNF,30,ng/mL\n"
            + "MG-0002,W0,SB-2,PLASMA,2026-03-01T08:00:00Z,BDNF,10,ng/mL\n"
            + "MG-0003,W0,SB-3,PLASMA,2026-03-01T08:00:00Z,BDNF,14,ng/mL\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);

    summary("")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("specimen"))
        .body("detail", containsString("[SERUM, PLASMA]"));
    summary("&specimen=SERUM")
        .then()
        .statusCode(200)
        .body("pooled.n", equalTo(1))
        .body("pooled.mean", equalTo(30.0f));
    summary("&specimen=plasma")
        .then()
        .statusCode(200)
        .body("pooled.n", equalTo(2))
        .body("pooled.mean", equalTo(12.0f));
    summary("&specimen=SALIVA")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("specimen"));
    summary("&specimen=BLOOD").then().statusCode(400);
    // an analyte with results of one specimen needs no parameter
    post(trial, "text/csv", HEADER + "MG-0001,W0,SB-4,,2026-03-01T08:00:00Z,IL6,2,pg/mL\n", null)
        .then()
        .statusCode(201);
    as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?visit=W0")
        .then()
        .statusCode(200)
        .body("pooled.n", equalTo(1));
  }

  /**
   * The specimens a summary chooses among are those of stored results only: a batch refused for a
   * bad row adds none, a later batch in another specimen does.
   */
  @Test
  void aSecondSpecimenCountsOnceItsBatchIsStored() {
    post(
            trial,
            "text/csv",
            HEADER + "MG-0001,W0,SB-1,SERUM,2026-03-01T08:00:00Z,BDNF,30,ng/mL\n",
            null)
        .then()
        .statusCode(201);
    summary("").then().statusCode(200).body("pooled.n", equalTo(1));

    String refused =
        HEADER
            + "MG-0002,W0,SB-2,PLASMA,2026-03-01T08:00:00Z,BDNF,10,ng/mL\n"
            + "MG-0003,W0,SB-3,PLASMA,2026-03-01T08:00:00Z,NOPE,14,ng/mL\n";
    post(trial, "text/csv", refused, null).then().statusCode(422);
    summary("").then().statusCode(200).body("pooled.n", equalTo(1));

    post(
            trial,
            "text/csv",
            HEADER + "MG-0002,W0,SB-2,PLASMA,2026-03-01T08:00:00Z,BDNF,10,ng/mL\n",
            null)
        .then()
        .statusCode(201);
    summary("")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("specimen"))
        .body("detail", containsString("[SERUM, PLASMA]"));
  }

  private io.restassured.response.Response summary(String query) {
    return as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/BDNF?visit=W0" + query);
  }

  @Test
  void curatorsSetAnAnalytesSpecimens() {
    String code = CatalogueApi.uniqueCode("IL17S");
    Map<String, Object> body = CatalogueApi.analyte(code);
    CatalogueApi.as("curator")
        .body(body)
        .post("/api/v1/analytes")
        .then()
        .statusCode(201)
        .body("specimens", equalTo(List.of("SERUM")));
    body.remove("code");
    body.put("specimens", List.of("PLASMA", "CSF"));
    // the default specimen (SERUM) stays allowed
    CatalogueApi.as("curator")
        .body(body)
        .put("/api/v1/analytes/" + code)
        .then()
        .statusCode(200)
        .body("specimens", equalTo(List.of("SERUM", "PLASMA", "CSF")));
    body.remove("specimens");
    body.put("plausibleHigh", 400);
    CatalogueApi.as("curator")
        .body(body)
        .put("/api/v1/analytes/" + code)
        .then()
        .statusCode(200)
        .body("specimens", equalTo(List.of("SERUM", "PLASMA", "CSF")));
    body.put("specimens", List.of("NOT_APPLICABLE"));
    CatalogueApi.as("curator")
        .body(body)
        .put("/api/v1/analytes/" + code)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("specimens"));
  }
}
