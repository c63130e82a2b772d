package org.psybiome.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.VerifiedTokens;
import org.psybiome.testsupport.TestTokens;

/** Bearer tokens as every service checks them, with real RS256 tokens. */
@QuarkusTest
class SecurityBaselineTest {

  private static final String PATH = "/probe/registrants-only";

  @Inject JWTParser parser;

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

  /**
   * Quarkus authenticates with the caching parser (an alternative of SmallRye's): a token accepted
   * once is then known to it, and a refused one never is.
   */
  @Test
  void authenticationGoesThroughTheVerifiedTokenCache() {
    assertThat(parser).isInstanceOf(VerifiedTokens.class);
    VerifiedTokens tokens = (VerifiedTokens) parser;
    String good = TestTokens.token("cache-probe", "registrant", "MINDGUT");
    String untrusted = TestTokens.signedWithUntrustedKey("registrant", "MINDGUT");
    assertThat(tokens.known(good)).isEmpty();

    given().auth().oauth2(good).get(PATH).then().statusCode(200);
    given().auth().oauth2(untrusted).get(PATH).then().statusCode(401);

    assertThat(tokens.known(good))
        .hasValueSatisfying(jwt -> assertThat(jwt.getName()).isEqualTo("cache-probe"));
    assertThat(tokens.known(untrusted)).isEmpty();
    given().auth().oauth2(untrusted).get(PATH).then().statusCode(401);
  }
}
