package org.psybiome.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of client mistake, and a server fault, answered as RFC 9457 problem details. */
@QuarkusTest
class ProblemDetailsTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void invalidFieldsAreListedWithTheirPaths() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"title": " ", "kind": "FMT", "doseCfuPerDay": 0,
             "arms": [{"label": "A"}, {"label": ""}]}
            """)
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/validation"))
        .body("status", equalTo(400))
        .body("instance", equalTo("/probe/samples"))
        .body("violations", hasSize(3))
        .body("violations.field", hasItem("title"))
        .body("violations.field", hasItem("doseCfuPerDay"))
        .body("violations.field", hasItem("arms[1].label"));
  }

  @Test
  void unknownEnumValueNamesTheAllowedOnes() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"x\", \"kind\": \"HOMEOPATHY\", \"doseCfuPerDay\": 5}")
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/malformed-body"))
        .body("violations[0].field", equalTo("kind"))
        .body("violations[0].message", equalTo("must be one of [PROBIOTIC, FMT]"))
        .body("detail", not(containsString("HOMEOPATHY")));
  }

  @Test
  void wrongTypesAndImpossibleDatesAreFieldErrors() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"x\", \"kind\": \"FMT\", \"doseCfuPerDay\": \"lots\"}")
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations[0].field", equalTo("doseCfuPerDay"))
        .body("violations[0].message", equalTo("must be a number"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"title\": \"x\", \"kind\": \"FMT\", \"doseCfuPerDay\": 1, \"start\": \"2026-02-30\"}")
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations[0].field", equalTo("start"))
        .body("violations[0].message", equalTo("must be an ISO-8601 date or time"));
  }

  @Test
  void unreadableJsonIsAProblemWithoutParserInternals() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": ")
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/malformed-body"))
        .body("detail", not(containsString("jackson")))
        .body("detail", not(containsString("Exception")));
  }

  @Test
  void emptyBodyIsRefused() {
    given()
        .contentType(ContentType.JSON)
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  @Test
  void unsupportedMediaTypeIs415() {
    given()
        .contentType(ContentType.XML)
        .body("<sample/>")
        .post("/probe/samples")
        .then()
        .statusCode(415)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/unsupported-media-type"));
  }

  @Test
  void wrongMethodIs405() {
    given()
        .delete("/probe/samples")
        .then()
        .statusCode(405)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/method-not-allowed"));
  }

  @Test
  void unknownPathsAreProblemsEverywhere() {
    given()
        .get("/probe/nothing-here")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/not-found"));
    given()
        .get("/entirely/elsewhere")
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("instance", equalTo("/entirely/elsewhere"));
  }

  @Test
  void aParameterOfTheWrongTypeIsABadRequestNotAMissingResource() {
    given().get("/probe/samples/3?pageSize=7").then().statusCode(200).body("pageSize", equalTo(7));
    for (String url :
        List.of(
            "/probe/samples/3?pageSize=abc",
            "/probe/samples/3?pageSize=%2BSUM(1,1)",
            "/probe/samples/3?from=yesterday",
            "/probe/samples/three")) {
      given()
          .get(url)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("type", equalTo("https://psybiome.org/problems/validation"));
    }
  }

  @Test
  void anUnknownOrRepeatedQueryParameterIsABadRequest() {
    given()
        .get("/probe/samples/3?pageSze=7")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("violations[0].field", equalTo("pageSze"))
        .body(
            "violations[0].message",
            equalTo("is not a parameter of this operation; it takes from, pageSize"));
    given()
        .get("/probe/samples/3?pageSize=7&pageSize=8")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("pageSize"))
        .body("violations[0].message", equalTo("is given 2 times; it takes one value"));
    given()
        .get("/probe/boom?x=1")
        .then()
        .statusCode(400)
        .body(
            "violations[0].message",
            equalTo("is not a parameter of this operation, which takes none"));
  }

  @Test
  void oversizedBodyIs413() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"title\": \"" + "x".repeat(4096) + "\"}")
        .post("/probe/samples")
        .then()
        .statusCode(413)
        .contentType(PROBLEM)
        .body("type", equalTo("https://psybiome.org/problems/payload-too-large"));
  }

  @Test
  void ruleViolationFromAServiceKeepsItsTypeAndDetail() {
    given()
        .get("/probe/conflict")
        .then()
        .statusCode(409)
        .contentType(PROBLEM)
        .body("title", equalTo("Conflicts with the current state"))
        .body("detail", equalTo("Trial PSB-2026-000001 is COMPLETED"));
  }

  @Test
  void serverFaultNamesNothingInternal() {
    given()
        .get("/probe/boom")
        .then()
        .statusCode(500)
        .contentType(PROBLEM)
        .body("detail", not(containsString("secret")))
        .body("detail", not(containsString("org.psybiome")))
        .body("detail", not(containsString("IllegalState")));
  }

  @Test
  void databaseOutageIs503WithRetryAfter() {
    given()
        .get("/probe/database-down")
        .then()
        .statusCode(503)
        .contentType(PROBLEM)
        .header("Retry-After", "5")
        .body("type", equalTo("https://psybiome.org/problems/service-unavailable"))
        .body("detail", not(containsString("backend")));
  }

  @Test
  void everyResponseCarriesACorrelationId() {
    given().get("/probe/conflict").then().header("X-Correlation-Id", notNullValue());
    given()
        .header("X-Correlation-Id", "pipeline-run-42")
        .get("/probe/conflict")
        .then()
        .header("X-Correlation-Id", equalTo("pipeline-run-42"));
  }
}
