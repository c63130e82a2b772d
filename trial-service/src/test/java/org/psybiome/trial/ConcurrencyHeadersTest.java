package org.psybiome.trial;

import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Writes name the version they change: 428 without If-Match, 412 with a stale one. */
@QuarkusTest
class ConcurrencyHeadersTest {

  @Test
  void missingIfMatchIs428AndChangesNothing() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    var body = DemoTrials.load(DemoTrials.DIET).put("targetSampleSize", 999);
    as("registrant")
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("type", equalTo("https://psybiome.org/problems/precondition-required"));
    TrialApi.changeStatus(draft.id(), null, "RECRUITING", null).then().statusCode(428);
    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("version", equalTo(1))
        .body("targetSampleSize", equalTo(160))
        .body("status", equalTo("DRAFT"));
  }

  @Test
  void staleIfMatchIs412WithTheCurrentEtag() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    var first = DemoTrials.load(DemoTrials.DIET).put("targetSampleSize", 170);
    TrialApi.update(draft.id(), draft.etag(), first).then().statusCode(200);
    var second = DemoTrials.load(DemoTrials.DIET).put("targetSampleSize", 190);
    TrialApi.update(draft.id(), draft.etag(), second)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .header("ETag", "\"2\"");
    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("targetSampleSize", equalTo(170));
  }

  @Test
  void wildcardOrWeakTagsDoNotCount() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    for (String tag : new String[] {"*", "W/\"1\"", "1", "\"x\""}) {
      TrialApi.changeStatus(draft.id(), tag, "RECRUITING", null).then().statusCode(412);
    }
  }
}
