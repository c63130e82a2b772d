package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every request reaches the service with a W3C traceparent: the caller's, or a new one. */
@QuarkusTest
class TraceParentTest {

  @Test
  void requestWithoutOneGetsAWellFormedTraceparent() {
    given()
        .get("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(200)
        .body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
  }

  @Test
  void callersTraceparentIsForwardedUnchanged() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    given()
        .header("traceparent", traceparent)
        .get("/api/v1/analytes")
        .then()
        .statusCode(200)
        .body("traceparent", equalTo(traceparent));
  }
}
