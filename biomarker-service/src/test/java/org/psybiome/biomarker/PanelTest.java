package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.psybiome.biomarker.CatalogueApi.analyte;
import static org.psybiome.biomarker.CatalogueApi.as;
import static org.psybiome.biomarker.CatalogueApi.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Panels through the HTTP API: the seed that trial schedules name, and curators' writes. */
@QuarkusTest
class PanelTest {

  @Test
  void theSeedPanelsArePublic() {
    given()
        .get("/api/v1/panels")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "INFLAMMATION",
                "HPA",
                "NEUROTROPHIC",
                "SCFA",
                "TRYPTOPHAN",
                "MICROBIOME",
                "SCALES",
                "TRYPTOPHAN_METABOLITES",
                "GUT_BARRIER",
                "METABOLIC",
                "DASS21",
                "DASS42",
                "HADS",
                "PANAS"));
    given()
        .get("/api/v1/panels/INFLAMMATION")
        .then()
        .statusCode(200)
        .body("analytes", contains("IL6", "TNFA", "HSCRP", "IL1B", "IL10"));
    given()
        .get("/api/v1/panels/TRYPTOPHAN")
        .then()
        .body("analytes", contains("TRP", "KYN", "KYN_TRP_RATIO"));
    given()
        .get("/api/v1/panels/SCALES")
        .then()
        .body("analytes", contains("HAMD17", "MADRS", "BDI2", "PHQ9", "GAD7", "HAMA"));
    given()
        .get("/api/v1/panels/METABOLIC")
        .then()
        .body(
            "analytes",
            contains(
                "GLUCOSE_FASTING",
                "HBA1C",
                "INSULIN",
                "CHOL_TOTAL",
                "CHOL_HDL",
                "CHOL_LDL",
                "TRIGLYCERIDES"));
    given()
        .get("/api/v1/panels/TRYPTOPHAN_METABOLITES")
        .then()
        .body("analytes", contains("SEROTONIN", "KYNA", "QUIN"));
    given().get("/api/v1/panels/GUT_BARRIER").then().body("analytes", contains("LBP", "ZONULIN"));
    given()
        .get("/api/v1/panels/DASS21")
        .then()
        .body("analytes", contains("DASS21_DEPRESSION", "DASS21_ANXIETY", "DASS21_STRESS"));
    given()
        .get("/api/v1/panels/DASS42")
        .then()
        .body("analytes", contains("DASS42_DEPRESSION", "DASS42_ANXIETY", "DASS42_STRESS"));
    given().get("/api/v1/panels/HADS").then().body("analytes", contains("HADS_A", "HADS_D"));
    given().get("/api/v1/panels/PANAS").then().body("analytes", contains("PANAS_PA", "PANAS_NA"));
    given().get("/api/v1/panels/NOPE").then().statusCode(404);
  }

  @Test
  void aCuratorComposesAPanelOfKnownAnalytes() {
    String analyte = uniqueCode("IL17A");
    as("curator").body(analyte(analyte)).post("/api/v1/analytes").then().statusCode(201);
    String code = uniqueCode("TH17");

    as("curator")
        .body(Map.of("code", code, "name", "Th17 axis", "analytes", List.of(analyte, "IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/panels/" + code))
        .body("analytes", contains(analyte, "IL6"));
    as("curator")
        .body(Map.of("code", code, "name", "again", "analytes", List.of("IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(409);

    as("curator")
        .body(Map.of("name", "Th17 axis", "analytes", List.of("IL6", analyte, "IL1B")))
        .put("/api/v1/panels/" + code)
        .then()
        .statusCode(200)
        .body("analytes", contains("IL6", analyte, "IL1B"));
    given()
        .queryParam("panel", code)
        .get("/api/v1/analytes")
        .then()
        .body("code", contains("IL6", analyte, "IL1B"));
  }

  @Test
  void aPanelOfUnknownOrRepeatedAnalytesIsRefused() {
    as("curator")
        .body(
            Map.of(
                "code",
                uniqueCode("BAD"),
                "name",
                "Bad",
                "analytes",
                List.of("IL6", "NO_SUCH_ANALYTE", "IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("analytes[1]", "analytes[2]"));
    as("curator")
        .body(Map.of("name", "x", "analytes", List.of("IL6")))
        .put("/api/v1/panels/NO_SUCH_PANEL")
        .then()
        .statusCode(404);
    as("reader")
        .body(Map.of("code", uniqueCode("R"), "name", "x", "analytes", List.of("IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(403);
  }

  @Test
  void aPanelWithoutCodeIsRefused() {
    as("curator")
        .body(Map.of("name", "x", "analytes", List.of("IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("code"));
  }
}
