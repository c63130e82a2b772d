package org.psybiome.trial;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Conditional reads (RFC 9110 §13.1.2): If-None-Match naming the current version answers 304 with
 * no body and the ETag; any other version, or after a change, the trial with its new ETag. The
 * comparison is weak (§8.8.3.2): W/"1" matches "1". Visibility comes first: a draft of another
 * consortium is 404 whatever the header says.
 */
@QuarkusTest
class ConditionalReadTest {

  @Test
  void matchingTagIs304WithoutBody() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    as("registrant")
        .header("If-None-Match", draft.etag())
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(304)
        .header("ETag", "\"1\"")
        .body(emptyString());
  }

  @Test
  void weakTagsListsAndWildcardMatch() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    // weak comparison ignores W/; a list matches when any member does; "*" matches any version
    for (String header : new String[] {"W/\"1\"", "\"7\", W/\"1\"", "\"7\",\"1\"", "*"}) {
      as("registrant")
          .header("If-None-Match", header)
          .get("/api/v1/trials/" + draft.id())
          .then()
          .statusCode(304)
          .header("ETag", "\"1\"");
    }
  }

  @Test
  void otherTagsGetTheTrial() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    // "2" is not the version; 1 unquoted and "x" are not entity tags of this trial
    for (String header : new String[] {"\"2\"", "1", "\"x\"", "W/\"11\""}) {
      as("registrant")
          .header("If-None-Match", header)
          .get("/api/v1/trials/" + draft.id())
          .then()
          .statusCode(200)
          .header("ETag", "\"1\"")
          .body("version", equalTo(1));
    }
  }

  @Test
  void afterAnUpdateTheOldTagGetsTheNewVersion() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    var changed = DemoTrials.load(DemoTrials.DIET).put("targetSampleSize", 170);
    TrialApi.update(draft.id(), draft.etag(), changed).then().statusCode(200);
    as("registrant")
        .header("If-None-Match", draft.etag())
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("targetSampleSize", equalTo(170));
    as("registrant")
        .header("If-None-Match", "\"2\"")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(304);
  }

  @Test
  void anotherConsortiumsDraftIs404WhateverTheTag() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    TrialApi.as("reader", "OTHER-CONSORTIUM")
        .header("If-None-Match", "*")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(404);
  }
}
