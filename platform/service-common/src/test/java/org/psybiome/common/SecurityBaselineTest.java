package org.psybiome.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.TestTokens;

/** Bearer tokens as every service checks them, with real RS256 tokens. */
@QuarkusTest
class SecurityBaselineTest {

  private static final String PATH = "/probe/registrants-only";

  @Test
  void noTokenIs401WithABearerChallenge() {
    given()
        .get(PATH)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("type", equalTo("https://psybiome.org/problems/unauthenticated"));
  }

  @Test
  void wrongRoleIs403() {
    given()
        .auth()
        .oauth2(TestTokens.token("reader", "MINDGUT"))
        .get(PATH)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://psybiome.org/problems/forbidden"));
  }

  @Test
  void rightRoleIsServedWithSubjectAndConsortiumFromTheToken() {
    given()
        .auth()
        .oauth2(TestTokens.token("ana", "registrant", "MINDGUT"))
        .get(PATH)
        .then()
        .statusCode(200)
        .body("subject", equalTo("ana"))
        .body("consortium", equalTo("MINDGUT"));
  }

  @Test
  void expiredUntrustedAndTamperedTokensAre401() {
    for (String token :
        new String[] {
          TestTokens.expired("registrant", "MINDGUT"),
          TestTokens.signedWithUntrustedKey("registrant", "MINDGUT"),
          TestTokens.tampered("reader", "MINDGUT", "registrant"),
          "not-a-jwt"
        }) {
      given()
          .auth()
          .oauth2(token)
          .get(PATH)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
  }

  @Test
  void publicResourcesNeedNoToken() {
    given().get("/probe/conflict").then().statusCode(409);
  }
}
