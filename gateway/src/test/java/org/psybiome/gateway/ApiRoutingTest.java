package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/** /api/v1 reaches the service that owns each path, with headers, statuses and bodies intact. */
@QuarkusTest
class ApiRoutingTest {

  @Test
  void trialPathsGoToTrialService() {
    given()
        .get("/api/v1/trials/PSB-2026-000001/versions?from=1&to=2")
        .then()
        .statusCode(200)
        .body("service", equalTo("trial-service"))
        .body("path", equalTo("/api/v1/trials/PSB-2026-000001/versions"))
        .body("query", equalTo("from=1&to=2"));
  }

  @Test
  void importsGoToTrialService() {
    given()
        .auth()
        .oauth2(TestTokens.token(Roles.REGISTRANT, "MINDGUT"))
        .contentType(ContentType.JSON)
        .body("{\"studies\": []}")
        .post("/api/v1/imports/clinicaltrials-gov")
        .then()
        .statusCode(200)
        .body("service", equalTo("trial-service"))
        .body("path", equalTo("/api/v1/imports/clinicaltrials-gov"));
  }

  @Test
  void biomarkerPathsGoToBiomarkerService() {
    for (String path :
        new String[] {
          "/api/v1/analytes",
          "/api/v1/panels/INFLAMMATION",
          "/api/v1/trials/PSB-2026-000001/results",
          "/api/v1/trials/PSB-2026-000001/summaries/IL6"
        }) {
      given().get(path).then().statusCode(200).body("service", equalTo("biomarker-service"));
    }
  }

  @Test
  void requestHeadersAndBodyPassThrough() {
    String token = TestTokens.token(Roles.REGISTRANT, "MINDGUT");
    given()
        .header("If-Match", "\"6\"")
        .header("Idempotency-Key", "batch-0001")
        .header("Authorization", "Bearer " + token)
        .header("X-Correlation-Id", "run-42")
        .contentType(ContentType.JSON)
        .body("{\"rows\": [" + "{\"v\": 1},".repeat(5000) + "{\"v\": 1}]}")
        .put("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(200)
        .body("method", equalTo("PUT"))
        .body("ifMatch", equalTo("\"6\""))
        .body("idempotencyKey", equalTo("batch-0001"))
        .body("authorization", equalTo("Bearer " + token))
        .body("correlationId", equalTo("run-42"))
        .body(
            "bodyLength",
            equalTo(("{\"rows\": [" + "{\"v\": 1},".repeat(5000) + "{\"v\": 1}]}").length()))
        .body("contentType", equalTo("application/json"));
  }

  @Test
  void conditionalReadsPassThrough() {
    // the service's 304 comes back as it was sent: no body, its ETag
    given()
        .header("If-None-Match", "W/\"7\"")
        .get("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(304)
        .header("ETag", "\"7\"")
        .body(org.hamcrest.Matchers.emptyString());
    // another version: the trial, with the current ETag
    given()
        .header("If-None-Match", "\"6\"")
        .get("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(200)
        .header("ETag", "\"7\"");
  }

  @Test
  void responseHeadersPassThrough() {
    var headers =
        given()
            .header("X-Correlation-Id", "dash-7")
            .get("/api/v1/trials/PSB-2026-000001")
            .then()
            .statusCode(200)
            .header("ETag", "\"7\"")
            // the service's link, made absolute on the address this client used (PublicLinks)
            .header(
                "Location",
                "http://localhost:"
                    + io.restassured.RestAssured.port
                    + "/api/v1/trials/PSB-2026-000001")
            .header("Retry-After", "3")
            .extract()
            .headers();
    assertEquals(List.of("dash-7"), headers.getValues("X-Correlation-Id"));
  }

  @Test
  void upstreamProblemsPassThroughUnchanged() {
    given()
        .header(UpstreamStandIns.RESPOND_STATUS, "409")
        .post("/api/v1/trials/PSB-2026-000001/status")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", equalTo("from trial-service"));
  }

  @Test
  void unknownApiPathIsAProblemFromTheGateway() {
    given().get("/api/v1/unicorns").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void unreachableServiceIsAFast503Problem() throws Exception {
    var biomarker = UpstreamStandIns.get("biomarker-service");
    biomarker.stop();
    try {
      given()
          .get("/api/v1/analytes")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", notNullValue())
          .body("detail", equalTo("biomarker-service cannot be reached; try again shortly"));
      given().get("/api/v1/trials").then().statusCode(200);
    } finally {
      biomarker.start();
    }
  }
}
