package org.psybiome.trial;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.psybiome.trial.TrialApi.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Reads by id are answered from a rendering kept per stamp (version, its time, enrolment figures).
 * Each test reads, changes what the record shows in one way, and reads again: a rendering kept by
 * version alone would show the old enrolment; one kept without checking who asks would show a draft
 * to another consortium. The hit counter shows that a second read was in fact answered from the
 * kept rendering, with the same bytes.
 */
@QuarkusTest
class KeptRenderingTest {

  @Inject MeterRegistry meters;

  @Test
  void aSecondReadIsAnsweredFromTheKeptRenderingWithTheSameBytes() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    double hits = hits();
    byte[] first =
        as("reader")
            .get("/api/v1/trials/" + trial.id())
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertEquals(hits, hits(), "the first read renders");
    byte[] second =
        as("reader")
            .get("/api/v1/trials/" + trial.id())
            .then()
            .statusCode(200)
            .header("ETag", trial.etag())
            .extract()
            .asByteArray();
    assertEquals(hits + 1, hits(), "the second read is a hit");
    assertArrayEquals(first, second);
  }

  @Test
  void anEnrolmentShowsAtOnceThoughTheVersionStays() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    as("reader").get("/api/v1/trials/" + trial.id()).then().body("actualEnrolment", equalTo(0));
    TrialApi.enrol(trial.id(), "KR-0001", "Probiotic").then().statusCode(201);
    as("reader")
        .get("/api/v1/trials/" + trial.id())
        .then()
        .statusCode(200)
        .header("ETag", trial.etag())
        .body("actualEnrolment", equalTo(1));
    TrialApi.enrol(trial.id(), "KR-0002", "Placebo").then().statusCode(201);
    as("reader").get("/api/v1/trials/" + trial.id()).then().body("actualEnrolment", equalTo(2));
  }

  @Test
  void aStatusChangeShowsAtOnce() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    as("reader").get("/api/v1/trials/" + trial.id()).then().body("status", equalTo("RECRUITING"));
    String etag = TrialApi.moveTo(trial.id(), trial.etag(), "SUSPENDED");
    as("reader")
        .get("/api/v1/trials/" + trial.id())
        .then()
        .header("ETag", etag)
        .body("status", equalTo("SUSPENDED"))
        .body("statusHistory.size()", equalTo(2));
  }

  @Test
  void aKeptDraftIsStillNotFoundForAnotherConsortium() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    as("registrant").get("/api/v1/trials/" + draft.id()).then().statusCode(200);
    as("registrant").get("/api/v1/trials/" + draft.id()).then().statusCode(200);
    TrialApi.as("reader", "OTHER-CONSORTIUM")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(404);
  }

  private double hits() {
    var counter = meters.find("cache.gets").tag("cache", "trial-renderings").tag("result", "hit");
    return counter.functionCounter() != null
        ? counter.functionCounter().count()
        : counter.counter().count();
  }
}
