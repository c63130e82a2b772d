package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Browsers on the configured dashboard origins may call the API; others get no CORS grant. */
@QuarkusTest
class CorsTest {

  @Test
  void preflightFromTheDashboardOriginIsGranted() {
    given()
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "Authorization, If-Match, Content-Type")
        .options("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173")
        .header("Access-Control-Allow-Methods", containsString("PUT"))
        .header("Access-Control-Allow-Headers", containsString("If-Match"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"));
  }

  @Test
  void actualRequestFromTheDashboardExposesTheHeadersItNeeds() {
    given()
        .header("Origin", "http://localhost:5173")
        .get("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "http://localhost:5173")
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Retry-After"))
        .header("Access-Control-Expose-Headers", containsString("X-Correlation-Id"))
        // a masked trial's export says in these what it withheld (decision 22)
        .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"))
        .header("Access-Control-Expose-Headers", containsString("Psybiome-Withheld-Results"))
        .header("Access-Control-Expose-Headers", containsString("Psybiome-Withheld-Reason"));
  }

  @Test
  void otherOriginsGetNoCorsHeaders() {
    given()
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "PUT")
        .options("/api/v1/trials/PSB-2026-000001")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://evil.example")
        .get("/api/v1/trials")
        .then()
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Access-Control-Allow-Credentials", equalTo(null));
  }
}
