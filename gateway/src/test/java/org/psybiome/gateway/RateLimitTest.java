package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/** Each caller has its own token bucket; over it, a 429 with Retry-After, and no upstream call. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyRateLimit.class)
class RateLimitTest {

  public static class TinyRateLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "psybiome.gateway.rate-limit.requests-per-second", "1",
          "psybiome.gateway.rate-limit.burst", "3",
          "psybiome.gateway.rate-limit.roles.reader.requests-per-second", "1",
          "psybiome.gateway.rate-limit.roles.reader.burst", "8");
    }
  }

  @Test
  void fourthQuickRequestOfOneSubjectIs429AndAnotherSubjectIsUnaffected() {
    String busy = TestTokens.token("busy-" + UUID.randomUUID(), Roles.REGISTRANT, "MINDGUT");
    String calm = TestTokens.token("calm-" + UUID.randomUUID(), Roles.REGISTRANT, "MINDGUT");
    // warm up (first token parse loads the key) so the next requests are quick
    given().auth().oauth2(calm).get("/api/v1/trials").then().statusCode(200);

    int accepted = 0;
    String refused;
    Response response;
    do {
      refused = "/api/v1/trials/PSB-2026-" + UUID.randomUUID();
      response = given().auth().oauth2(busy).get(refused);
    } while (response.statusCode() == 200 && ++accepted < 10);
    // the burst of 3, and at most one more if a refill (1/s) fell in between
    assertTrue(accepted == 3 || accepted == 4, "accepted " + accepted + " before 429");
    String retryAfter =
        response
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .body("type", equalTo("https://psybiome.org/problems/too-many-requests"))
            .extract()
            .header("Retry-After");
    assertTrue(Integer.parseInt(retryAfter) >= 1, "Retry-After " + retryAfter);
    assertFalse(UpstreamStandIns.get("trial-service").seenPaths.contains(refused));

    given().auth().oauth2(calm).get("/api/v1/trials").then().statusCode(200);
  }

  @Test
  void aReaderGetsItsRolesOwnLargerBurst() {
    String dashboard = TestTokens.token("dash-" + UUID.randomUUID(), Roles.READER, "MINDGUT");
    given().auth().oauth2(dashboard).get("/api/v1/trials").then().statusCode(200);
    int accepted = 1;
    Response response;
    do {
      response = given().auth().oauth2(dashboard).get("/api/v1/trials");
    } while (response.statusCode() == 200 && ++accepted < 20);
    // the reader's burst of 8 (the default is 3), and at most one more from a refill (1/s)
    assertTrue(accepted == 8 || accepted == 9, "accepted " + accepted + " before 429");
    response.then().statusCode(429);
  }
}
