package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.CatalogueApi.analyte;
import static org.psybiome.biomarker.CatalogueApi.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDTM test code and name of analytes a curator adds: derived when left out, kept by a PUT that
 * leaves them out, unique. The database is fresh per test run and no other test uses these codes.
 */
@QuarkusTest
class AnalyteSdtmTestCodeTest {

  @Test
  void aNewAnalyteGetsAUniqueTestCodeThatAPutKeeps() {
    // IL17F_SERUM_TOTAL without underscores, cut at 8: IL17FSER
    as("curator")
        .body(analyte("IL17F_SERUM_TOTAL"))
        .post("/api/v1/analytes")
        .then()
        .statusCode(201)
        .body("sdtmTestCode", equalTo("IL17FSER"))
        .body("sdtmTestName", equalTo("Interleukin-17A"));
    // the same start is taken: the last character makes room for a 2
    as("curator")
        .body(analyte("IL17F_SERUM_FREE"))
        .post("/api/v1/analytes")
        .then()
        .statusCode(201)
        .body("sdtmTestCode", equalTo("IL17FSE2"));

    Map<String, Object> changed = analyte("IL17F_SERUM_TOTAL");
    changed.put("plausibleHigh", 400);
    as("curator")
        .body(changed)
        .put("/api/v1/analytes/IL17F_SERUM_TOTAL")
        .then()
        .statusCode(200)
        .body("sdtmTestCode", equalTo("IL17FSER"));
    changed.put("sdtmTestCode", "IL17FT");
    changed.put("sdtmTestName", "Interleukin 17F, Total");
    as("curator")
        .body(changed)
        .put("/api/v1/analytes/IL17F_SERUM_TOTAL")
        .then()
        .statusCode(200)
        .body("sdtmTestCode", equalTo("IL17FT"));
    given()
        .get("/api/v1/analytes/IL17F_SERUM_TOTAL")
        .then()
        .body("sdtmTestName", equalTo("Interleukin 17F, Total"));
  }

  @Test
  void aTakenOrInvalidTestCodeIsRefused() {
    Map<String, Object> body = analyte("IL17F_TAKEN");
    body.put("sdtmTestCode", "IL6");
    as("curator").body(body).post("/api/v1/analytes").then().statusCode(409);
    body.put("sdtmTestCode", "1IL17");
    as("curator")
        .body(body)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("sdtmTestCode"));
    body.put("sdtmTestCode", "IL17F");
    body.put("sdtmTestName", "x".repeat(41));
    as("curator")
        .body(body)
        .post("/api/v1/analytes")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("sdtmTestName"));
    given().get("/api/v1/analytes/IL17F_TAKEN").then().statusCode(404);
  }
}
