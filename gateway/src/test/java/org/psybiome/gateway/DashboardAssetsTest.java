package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The web dashboard is served at {@code /} without a token, from this gateway only (its Content
 * Security Policy allows nothing else), cached for ten minutes; the API under {@code /api/v1} is
 * answered as before, and an unknown file is a 404 problem like any unknown path.
 */
@QuarkusTest
class DashboardAssetsTest {

  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors"
          + " 'none'; form-action 'self'";

  @Test
  void indexIsServedAtTheRootWithItsPolicy() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/html"))
        .header("Content-Security-Policy", equalTo(CSP))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("Cache-Control", containsString("max-age=600"))
        .body(containsString("<title>Psybiome dashboard</title>"))
        .body(containsString("/dashboard/app.js"))
        // nothing from another origin: no CDN
        .body(not(containsString("http://")))
        .body(not(containsString("https://")));
  }

  @Test
  void scriptsAndStylesAreServedFromTheGateway() {
    for (String asset : new String[] {"app.js", "charts.js", "app.css"}) {
      given()
          .get("/dashboard/" + asset)
          .then()
          .statusCode(200)
          .header("Content-Security-Policy", equalTo(CSP))
          .header("Cache-Control", containsString("max-age=600"));
    }
    given()
        .get("/dashboard/app.js")
        .then()
        .contentType(containsString("javascript"))
        // the script reads only this gateway's API
        .body(not(containsString("//cdn")));
  }

  @Test
  void thePageIsToldThatNoSignInIsConfigured() {
    given()
        .get("/dashboard/config.json")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("Cache-Control", equalTo("no-cache"))
        .header("Content-Security-Policy", equalTo(CSP))
        .body(equalTo("{\"oidc\":null}"));
  }

  @Test
  void unknownFilesAndApiPathsStayProblems() {
    given()
        .get("/dashboard/nothing-here.js")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"));
    given()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .header("Content-Security-Policy", equalTo(null));
  }
}
