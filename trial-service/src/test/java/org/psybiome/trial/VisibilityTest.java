package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drafts are private, registered trials public, changes for the owning consortium only. */
@QuarkusTest
class VisibilityTest {

  @Test
  void aDraftExistsOnlyForItsConsortium() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.FMT));
    as("reader").get("/api/v1/trials/" + draft.id()).then().statusCode(200);
    given().get("/api/v1/trials/" + draft.id()).then().statusCode(404);
    as("registrant", TrialApi.OTHER_CONSORTIUM)
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given().get("/api/v1/trials/" + draft.id() + "/versions").then().statusCode(404);
    TrialApi.update(
            "registrant",
            TrialApi.OTHER_CONSORTIUM,
            draft.id(),
            draft.etag(),
            DemoTrials.load(DemoTrials.FMT))
        .then()
        .statusCode(404);
    given()
        .queryParam("pageSize", 200)
        .get("/api/v1/trials")
        .then()
        .body("items.id", not(hasItem(draft.id())));
    as("reader", TrialApi.OTHER_CONSORTIUM)
        .queryParam("pageSize", 200)
        .queryParam("consortium", TrialApi.CONSORTIUM)
        .get("/api/v1/trials")
        .then()
        .body("items.id", not(hasItem(draft.id())));
    as("reader")
        .queryParam("pageSize", 200)
        .queryParam("status", "DRAFT")
        .get("/api/v1/trials")
        .then()
        .body("items.id", hasItem(draft.id()));
  }

  @Test
  void aRegisteredTrialIsPublicButOnlyItsConsortiumChangesIt() {
    var trial = TrialApi.recruiting(DemoTrials.FMT);
    given()
        .get("/api/v1/trials/" + trial.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("RECRUITING"));
    TrialApi.update(
            "registrant",
            TrialApi.OTHER_CONSORTIUM,
            trial.id(),
            trial.etag(),
            DemoTrials.load(DemoTrials.FMT).put("changeReason", "hostile"))
        .then()
        .statusCode(403);
    as("registrant", TrialApi.OTHER_CONSORTIUM)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code", "X-001", "arm", "FMT", "enrolledOn", java.time.LocalDate.now().toString()))
        .post("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(403);
    // reading them is not refused but answered as if there were none to see
    as("registrant", TrialApi.OTHER_CONSORTIUM)
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(404);
  }

  @Test
  void rolesAreCheckedBeforeAnything() {
    // no token
    given()
        .contentType(ContentType.JSON)
        .body(DemoTrials.load(DemoTrials.DIET))
        .post("/api/v1/trials")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer");
    // wrong role
    as("reader")
        .contentType(ContentType.JSON)
        .body(DemoTrials.load(DemoTrials.DIET))
        .post("/api/v1/trials")
        .then()
        .statusCode(403);
    as("pipeline")
        .contentType(ContentType.JSON)
        .body(Map.of("code", "X-002", "arm", "FMT", "enrolledOn", "2026-01-01"))
        .post("/api/v1/trials/PSB-2026-000001/participants")
        .then()
        .statusCode(403);
    given().get("/api/v1/trials/PSB-2026-000001/participants").then().statusCode(401);
    // right role
    as("registrant")
        .contentType(ContentType.JSON)
        .body(DemoTrials.load(DemoTrials.DIET))
        .post("/api/v1/trials")
        .then()
        .statusCode(201);
  }
}
