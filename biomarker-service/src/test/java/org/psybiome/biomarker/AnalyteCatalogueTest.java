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
  void skewedConcentrationsAreAnalysedOnTheLogScale() {
    // V15: hs-CRP, the cytokines and LBP; nothing else of the seed
    var seed = given().get("/api/v1/analytes").then().statusCode(200).extract().jsonPath();
    var logScale =
        seed.<Map<String, Object>>getList("").stream()
            .filter(a -> Boolean.TRUE.equals(a.get("logScale")))
            .map(a -> a.get("code"))
            .toList();
    org.assertj.core.api.Assertions.assertThat(logScale)
        .containsExactlyInAnyOrder("HSCRP", "IL6", "TNFA", "IL1B", "IL10", "LBP");
    given().get("/api/v1/analytes/CORTISOL_AM").then().body("logScale", equalTo(false));

    // a write without logScale: false when new, unchanged by a PUT; stated, it is set
    String code = uniqueCode("IL17A_LOG");
    as("curator").body(analyte(code)).post("/api/v1/analytes").then().statusCode(201);
    given().get("/api/v1/analytes/" + code).then().body("logScale", equalTo(false));
    var changed = analyte(code);
    changed.put("logScale", true);
    as("curator").body(changed).put("/api/v1/analytes/" + code).then().statusCode(200);
    as("curator").body(analyte(code)).put("/api/v1/analytes/" + code).then().statusCode(200);
    given().get("/api/v1/analytes/" + code).then().body("logScale", equalTo(true));
  }

  @Test
  void ratingScalesCarryTheirRemissionThresholdAndDirection() {
    // V23: the field's remission cut-offs (HAMD-17 <= 7, MADRS <= 10, PHQ-9 < 5, GAD-7 < 5);
    // V24: PANAS positive affect and CGI-I are not severity scales
    given().get("/api/v1/analytes/HAMD17").then().body("remissionMax", equalTo(7));
    given().get("/api/v1/analytes/MADRS").then().body("remissionMax", equalTo(10));
    given().get("/api/v1/analytes/PHQ9").then().body("remissionMax", equalTo(4));
    given().get("/api/v1/analytes/GAD7").then().body("remissionMax", equalTo(4));
    given()
        .get("/api/v1/analytes/BDI2")
        .then()
        .body("remissionMax", nullValue())
        .body("severityScale", equalTo(true));
    given().get("/api/v1/analytes/PANAS_PA").then().body("severityScale", equalTo(false));
    given().get("/api/v1/analytes/CGI_I").then().body("severityScale", equalTo(false));
    given()
        .get("/api/v1/analytes/IL6")
        .then()
        .body("remissionMax", nullValue())
        .body("severityScale", nullValue());

    // a curator's new scale: not a severity scale unless said; a PUT that leaves both out keeps
    String code = uniqueCode("QIDS_C");
    var scale = analyte(code);
    scale.putAll(
        Map.of(
            "layer",
            "CLINICAL_SCALE",
            "specimen",
            "NOT_APPLICABLE",
            "specimens",
            java.util.List.of("NOT_APPLICABLE"),
            "unit",
            "{score}",
            "plausibleLow",
            0,
            "plausibleHigh",
            27));
    scale.remove("loinc");
    scale.remove("molarMass");
    as("curator").body(scale).post("/api/v1/analytes").then().statusCode(201);
    given()
        .get("/api/v1/analytes/" + code)
        .then()
        .body("severityScale", equalTo(false))
        .body("remissionMax", nullValue());
    var stated = new java.util.HashMap<>(scale);
    stated.put("remissionMax", 5);
    stated.put("severityScale", true);
    as("curator").body(stated).put("/api/v1/analytes/" + code).then().statusCode(200);
    as("curator").body(scale).put("/api/v1/analytes/" + code).then().statusCode(200);
    given()
        .get("/api/v1/analytes/" + code)
        .then()
        .body("severityScale", equalTo(true))
        .body("remissionMax", equalTo(5));

    // on an analyte that is not a score: refused field by field, nothing stored
    var cytokine = analyte(uniqueCode("IL17_REM"));
    cytokine.put("remissionMax", 3);
    cytokine.put("severityScale", true);
    as("curator")
        .body(cytokine)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", contains("remissionMax", "severityScale"));
    given().get("/api/v1/analytes/" + cytokine.get("code")).then().statusCode(404);
  }

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
    // V4's four, and V12's nine (checked code by code against LOINC-derived listings)
    org.assertj.core.api.Assertions.assertThat(withLoinc)
        .containsExactlyInAnyOrder(
            "IL6",
            "HSCRP",
            "TNFA",
            "ACTH",
            "GLUCOSE_FASTING",
            "HBA1C",
            "INSULIN",
            "CHOL_TOTAL",
            "CHOL_HDL",
            "CHOL_LDL",
            "TRIGLYCERIDES",
            "SEROTONIN",
            "PSS10");
  }

  @Test
  void theTrialAnalytesCarryTheirStandardUnitsMolarMassesAndLimits() {
    given()
        .get("/api/v1/analytes/GLUCOSE_FASTING")
        .then()
        .statusCode(200)
        .body("specimen", equalTo("PLASMA"))
        .body("unit", equalTo("mmol/L"))
        .body("molarMass", equalTo(180.16f))
        .body("loinc", equalTo("14771-0"));
    given()
        .get("/api/v1/analytes/TRIGLYCERIDES")
        .then()
        .body("molarMass", equalTo(885.7f))
        .body("loinc", equalTo("14927-8"));
    given()
        .get("/api/v1/analytes/INSULIN")
        .then()
        .body("layer", equalTo("ENDOCRINE"))
        .body("unit", equalTo("u[IU]/mL"))
        .body("molarMass", nullValue())
        .body("loinc", equalTo("20448-7"));
    given()
        .get("/api/v1/analytes/HBA1C")
        .then()
        .body("specimen", equalTo("WHOLE_BLOOD"))
        .body("unit", equalTo("mmol/mol"))
        .body("loinc", equalTo("59261-8"));
    given()
        .get("/api/v1/analytes/SEROTONIN")
        .then()
        .body("specimen", equalTo("SERUM"))
        .body("unit", equalTo("ng/mL"))
        .body("molarMass", equalTo(176.22f));
    given()
        .get("/api/v1/analytes/KYNA")
        .then()
        .body("unit", equalTo("nmol/L"))
        .body("molarMass", equalTo(189.17f))
        .body("loinc", nullValue());
    given().get("/api/v1/analytes/QUIN").then().body("molarMass", equalTo(167.12f));
    given().get("/api/v1/analytes/LBP").then().body("unit", equalTo("ug/mL"));
  }

  @Test
  void eachScaleSpansItsInstrumentsPossibleScores() {
    // code -> lowest and highest total score, from each instrument's scoring rules
    Map<String, int[]> ranges =
        Map.ofEntries(
            Map.entry("IDS_SR", new int[] {0, 84}), // 28 counted items x 0-3
            Map.entry("QIDS_SR16", new int[] {0, 27}), // 9 domains x 0-3
            Map.entry("DASS21_DEPRESSION", new int[] {0, 21}), // 7 items x 0-3, not doubled
            Map.entry("DASS21_ANXIETY", new int[] {0, 21}),
            Map.entry("DASS21_STRESS", new int[] {0, 21}),
            Map.entry("DASS42_DEPRESSION", new int[] {0, 42}), // 14 items x 0-3
            Map.entry("DASS42_ANXIETY", new int[] {0, 42}),
            Map.entry("DASS42_STRESS", new int[] {0, 42}),
            Map.entry("PSS10", new int[] {0, 40}), // 10 items x 0-4
            Map.entry("HADS_A", new int[] {0, 21}), // 7 items x 0-3
            Map.entry("HADS_D", new int[] {0, 21}),
            Map.entry("PANAS_PA", new int[] {10, 50}), // 10 items x 1-5
            Map.entry("PANAS_NA", new int[] {10, 50}),
            Map.entry("SCL90R_GSI", new int[] {0, 4}), // mean of 90 items x 0-4
            Map.entry("CGI_S", new int[] {1, 7}),
            Map.entry("CGI_I", new int[] {1, 7}));
    ranges.forEach(
        (code, range) ->
            given()
                .get("/api/v1/analytes/" + code)
                .then()
                .statusCode(200)
                .body("layer", equalTo("CLINICAL_SCALE"))
                .body("specimen", equalTo("NOT_APPLICABLE"))
                .body("unit", equalTo("{score}"))
                .body("plausibleLow", equalTo(range[0]))
                .body("plausibleHigh", equalTo(range[1])));
  }

  @Test
  void analytesAreFilteredByLayerAndPanel() {
    given()
        .queryParam("layer", "CLINICAL_SCALE")
        .get("/api/v1/analytes")
        .then()
        .statusCode(200)
        .body("layer", everyItem(equalTo("CLINICAL_SCALE")))
        // V4's 6 and V12's 16 (IDS-SR, QIDS-SR16, 3 DASS-21, 3 DASS-42, PSS-10, 2 HADS,
        // 2 PANAS, SCL-90-R GSI, CGI-S, CGI-I); not counting scales other tests of this class add
        // (named by CatalogueApi.uniqueCode: PREFIX_pid_n)
        .body("code.findAll { !(it ==~ /.*_\\d+_\\d+/) }", hasSize(22))
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
