package org.psybiome.trial;

import io.quarkus.test.junit.QuarkusTest;
import org.psybiome.testsupport.ServiceBaselineContract;

@QuarkusTest
class ServiceBaselineTest extends ServiceBaselineContract {

  @Override
  protected boolean ownsDatabase() {
    return true;
  }

  @org.junit.jupiter.api.Test
  void theApiDocumentOffersTheDemoTrialsAsExamples() {
    io.restassured.RestAssured.given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/v1/trials'.post.requestBody.content.'application/json'.examples.'fmt-treatment-resistant-depression'.value.interventions[0].type",
            org.hamcrest.Matchers.equalTo("FMT"))
        .body(
            "paths.'/api/v1/trials/{id}'.put.requestBody.content.'application/json'.examples.'probiotic-adjunct-mdd'.value.acronym",
            org.hamcrest.Matchers.equalTo("PROBIO-DEP"));
  }
}
