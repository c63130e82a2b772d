package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.biomarker.CatalogueApi.analyte;
import static org.psybiome.biomarker.CatalogueApi.as;
import static org.psybiome.biomarker.CatalogueApi.uniqueCode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analyte catalogue through the HTTP API: the curated seed, filters, and curators' writes. */
@QuarkusTest
class AnalyteCatalogueTest {

  @Test
  void theCuratedSeedIsPublicWithRealLoincCodesOnly() {
    given()
        .get("/api/v1/analytes/IL6")
        .then()
        .statusCode(200)
        .body("layer", equalTo("IMMUNE"))
        .body("specimen", equalTo("SERUM"))
        .body("unit", equalTo("pg/mL"))
        .body("loinc", equalTo("26881-3"));
    given().get("/api/v1/analytes/HSCRP").then().body("loinc", equalTo("30522-7"));
    given().get("/api/v1/analytes/TNFA").then().body("loinc", equalTo("3074-2"));
    given().get("/api/v1/analytes/ACTH").then().body("loinc", equalTo("2141-0"));
    given()
        .get("/api/v1/analytes/CORTISOL_AM")
        .then()
        .body("unit", equalTo("nmol/L"))
        .body("molarMass", equalTo(362.46f))
        .body("loinc", nullValue());
    given()
        .get("/api/v1/analytes/TAXON_216851")
        .then()
        .body("ncbiTaxonId", equalTo(216851))
        .body("specimen", equalTo("STOOL"))
        .body("unit", equalTo("%"));
    given().get("/api/v1/analytes/KYN_TRP_RATIO").then().body("derived", equalTo(true));

    var seed = given().get("/api/v1/analytes").then().statusCode(200).extract().jsonPath();
    var withLoinc =
        seed.<Map<String, Object>>getList("").stream()
            .filter(a -> a.get("loinc") != null)
            .map(a -> a.get("code"))
            .toList();
    org.assertj.core.api.Assertions.assertThat(withLoinc)
        .containsExactlyInAnyOrder("IL6", "HSCRP", "TNFA", "ACTH");
  }

  @Test
  void analytesAreFilteredByLayerAndPanel() {
    given()
        .queryParam("layer", "CLINICAL_SCALE")
        .get("/api/v1/analytes")
        .then()
        .statusCode(200)
        .body("layer", everyItem(equalTo("CLINICAL_SCALE")))
        .body("code", hasItems("HAMD17", "MADRS", "BDI2", "PHQ9", "GAD7", "HAMA"));
    given()
        .queryParam("panel", "HPA")
        .get("/api/v1/analytes")
        .then()
        .statusCode(200)
        .body("code", contains("CORTISOL_AM", "CORTISOL_SALIVA", "ACTH"));
    given()
        .queryParam("panel", "MICROBIOME")
        .queryParam("layer", "MICROBIOME_TAXONOMIC")
        .get("/api/v1/analytes")
        .then()
        .body("code", hasSize(9))
        .body("code", hasItem("SHANNON_GENUS"));
  }

  @Test
  void badFiltersAndUnknownCodesAreProblems() {
    given()
        .queryParam("layer", "GENOMIC")
        .get("/api/v1/analytes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("layer"));
    given()
        .queryParam("panel", "NO_SUCH_PANEL")
        .get("/api/v1/analytes")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("panel"));
    given()
        .get("/api/v1/analytes/NO_SUCH")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void aCuratorAddsAnAnalyteOnceAndChangesIt() {
    String code = uniqueCode("IL17A");
    as("curator")
        .body(analyte(code))
        .post("/api/v1/analytes")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/analytes/" + code))
        .body("code", equalTo(code))
        .body("loinc", nullValue());
    given().get("/api/v1/analytes/" + code).then().statusCode(200).body("unit", equalTo("pg/mL"));

    as("curator")
        .body(analyte(code))
        .post("/api/v1/analytes")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    var changed = analyte(code);
    changed.remove("code");
    changed.put("unit", "ng/L");
    changed.put("plausibleHigh", 400);
    as("curator")
        .body(changed)
        .put("/api/v1/analytes/" + code)
        .then()
        .statusCode(200)
        .body("unit", equalTo("ng/L"))
        .body("plausibleHigh", equalTo(400));
    given().get("/api/v1/analytes/" + code).then().body("unit", equalTo("ng/L"));

    as("curator")
        .body(analyte("NOT_THERE_" + code))
        .put("/api/v1/analytes/NOT_THERE_" + code)
        .then()
        .statusCode(404);
    as("curator")
        .body(analyte("OTHER"))
        .put("/api/v1/analytes/" + code)
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("code"));
  }

  @Test
  void aDefinitionWithAnInvalidUnitRangeOrLoincIsRefusedFieldByField() {
    var body = analyte(uniqueCode("BAD"));
    body.put("unit", "pg/mLL");
    body.put("plausibleLow", 10);
    body.put("plausibleHigh", 10);
    body.put("loinc", "26881-4");
    as("curator")
        .body(body)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("loinc", "plausibleLow", "unit"));

    var badCode = analyte("il-17a");
    as("curator")
        .body(badCode)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem(containsStringIgnoringCase("code")));

    var unknownField = analyte(uniqueCode("TYPO"));
    unknownField.put("units", "pg/mL");
    as("curator").body(unknownField).post("/api/v1/analytes").then().statusCode(400);

    var missing = analyte(uniqueCode("MISSING"));
    missing.remove("layer");
    as("curator")
        .body(missing)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem(containsStringIgnoringCase("layer")));
  }

  @Test
  void onlyCuratorsWriteTheCatalogue() {
    String code = uniqueCode("AUTH");
    given()
        .contentType(ContentType.JSON)
        .body(analyte(code))
        .post("/api/v1/analytes")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    as("reader").body(analyte(code)).post("/api/v1/analytes").then().statusCode(403);
    as("pipeline").body(analyte(code)).put("/api/v1/analytes/IL6").then().statusCode(403);
    given().get("/api/v1/analytes/" + code).then().statusCode(404);
  }

  private static org.hamcrest.Matcher<String> containsStringIgnoringCase(String part) {
    return org.hamcrest.Matchers.containsStringIgnoringCase(part);
  }
}
