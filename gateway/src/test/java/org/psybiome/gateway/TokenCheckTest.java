package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/** Bearer tokens are verified at the edge; bad ones never reach a service. */
@QuarkusTest
class TokenCheckTest {

  @Test
  void tamperedExpiredAndUntrustedTokensAre401WithoutContactingTheService() {
    Map<String, String> bad =
        Map.of(
            "tampered",
            TestTokens.tampered(Roles.READER, "MINDGUT", Roles.REGISTRANT),
            "expired",
            TestTokens.expired(Roles.REGISTRANT, "MINDGUT"),
            "untrusted",
            TestTokens.signedWithUntrustedKey(Roles.REGISTRANT, "MINDGUT"),
            "garbage",
            "not.a.jwt");
    var trial = UpstreamStandIns.get("trial-service");
    bad.forEach(
        (kind, token) -> {
          String path = "/api/v1/trials/PSB-2026-" + kind + "-" + UUID.randomUUID();
          given()
              .header("Authorization", "Bearer " + token)
              .contentType(ContentType.JSON)
              .body("{\"publicTitle\": \"x\"}")
              .put(path)
              .then()
              .statusCode(401)
              .contentType("application/problem+json")
              .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
              .body("status", equalTo(401))
              .body("type", equalTo("https://psybiome.org/problems/unauthenticated"));
          assertFalse(trial.seenPaths.contains(path), kind + " token reached trial-service");
        });
  }

  @Test
  void validTokenPassesWithAuthorizationForwarded() {
    String token = TestTokens.token("lab-7", Roles.PIPELINE, "MINDGUT");
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/trials/PSB-2026-000001/results")
        .then()
        .statusCode(200)
        .body("service", equalTo("biomarker-service"))
        .body("authorization", equalTo("Bearer " + token));
  }

  @Test
  void largeBodyArrivesIntactWhileTheTokenIsCheckedAsynchronously() {
    String token = TestTokens.token("lab-8", Roles.PIPELINE, "MINDGUT");
    byte[] body = new byte[20 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    given()
        .header("Authorization", "Bearer " + token)
        .contentType("application/x-ndjson")
        .body(body)
        .post("/api/v1/trials/PSB-2026-000001/batches")
        .then()
        .statusCode(200)
        .body("service", equalTo("biomarker-service"))
        .body("bodyLength", equalTo(body.length));
  }

  @Test
  void requestsWithoutATokenPassThrough() {
    given().get("/api/v1/analytes").then().statusCode(200).body("authorization", equalTo(null));
  }
}
