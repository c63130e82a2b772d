package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.psybiome.testsupport.TestTokens;

/**
 * Not a test of behaviour: drives the hot read paths (GET /trials/{id}, plain and conditional, and
 * search) many times so that a JFR recording of the test JVM shows where the server's time goes.
 * Skipped unless -Dpsybiome.profile=true; bench/profiles/README.md gives the command and turns the
 * recording into flame graphs (server threads only: executor-thread-*, vert.x-eventloop-*).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "psybiome.profile", matches = "true")
class ReadPathProfileDriver {

  private static final int GETS = Integer.getInteger("psybiome.profile.gets", 4000);
  private static final int SEARCHES = Integer.getInteger("psybiome.profile.searches", 1000);

  @Test
  void driveReads() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.PROBIOTIC));
    TrialApi.changeStatus(draft.id(), draft.etag(), "RECRUITING", null, LocalDate.now())
        .then()
        .statusCode(200);
    String token = TestTokens.token("reader", "PROFILE");
    String path = "/api/v1/trials/" + draft.id();
    String etag =
        given().auth().oauth2(token).get(path).then().statusCode(200).extract().header("ETag");
    for (int i = 0; i < GETS; i++) {
      given().auth().oauth2(token).get(path).then().statusCode(200);
    }
    for (int i = 0; i < GETS; i++) {
      given().auth().oauth2(token).header("If-None-Match", etag).get(path).then().statusCode(304);
    }
    List<String> queries =
        List.of("", "condition=F32", "interventionType=PROBIOTIC&country=DE", "q=probiotic");
    for (int i = 0; i < SEARCHES; i++) {
      given()
          .auth()
          .oauth2(token)
          .get(
              "/api/v1/trials"
                  + (i % queries.size() == 0 ? "" : "?" + queries.get(i % queries.size())))
          .then()
          .statusCode(200);
    }
    assertThat(etag).isNotNull();
  }
}
