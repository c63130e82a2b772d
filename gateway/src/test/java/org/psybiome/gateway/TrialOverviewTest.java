package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/**
 * The composite overview against stand-in services that answer with fixed trial, count and summary
 * bodies: its shape when both answer, and what is left when one does not.
 */
@QuarkusTest
class TrialOverviewTest {

  private static final String TRIAL = "PSB-2026-000100";
  private static final String TRIAL_PATH = "/api/v1/trials/" + TRIAL;
  private static final String COUNTS_PATH = TRIAL_PATH + "/results/counts";

  private final UpstreamStandIns.StandIn trials = UpstreamStandIns.get("trial-service");
  private final UpstreamStandIns.StandIn biomarkers = UpstreamStandIns.get("biomarker-service");

  private static JsonObject trialRecord(boolean blinded) {
    return new JsonObject()
        .put("id", TRIAL)
        .put("consortium", "MINDGUT")
        .put("status", "RECRUITING")
        .put("blinded", blinded)
        .put("publicTitle", "Lactobacillus helveticus R0052 as an adjunct to SSRIs")
        .put("primaryOutcomes", new JsonArray().add(outcome("SCALE", "HAMD17")))
        .put(
            "secondaryOutcomes",
            new JsonArray().add(outcome("ANALYTE", "IL6")).add(outcome("ANALYTE", "BDNF")))
        .put(
            "schedule",
            new JsonObject()
                .put(
                    "visits",
                    new JsonArray()
                        .add(visit("W8", 56, false))
                        .add(visit("W0", 0, true))
                        .add(visit("W4", 28, false))));
  }

  private static JsonObject outcome(String kind, String code) {
    return new JsonObject()
        .put("measure", new JsonObject().put("kind", kind).put("code", code))
        .put("timeFrame", "8 weeks");
  }

  private static JsonObject visit(String code, int day, boolean baseline) {
    return new JsonObject()
        .put("code", code)
        .put("label", "week " + code.substring(1))
        .put("dayOffset", day)
        .put("baseline", baseline)
        .put("panels", new JsonArray().add("INFLAMMATION"))
        .put("scales", new JsonArray().add("HAMD17"));
  }

  private static JsonObject counts() {
    return new JsonObject()
        .put("trialId", TRIAL)
        .put("total", 40)
        .put(
            "counts",
            new JsonArray()
                .add(count("W0", "HAMD17", 10, 0))
                .add(count("W8", "HAMD17", 10, 0))
                .add(count("W4", "IL6", 10, 1))
                // all censored at the last visit: summarised where there are values
                .add(count("W8", "IL6", 10, 10)));
  }

  private static JsonObject count(String visit, String analyte, int results, int censored) {
    return new JsonObject()
        .put("visit", visit)
        .put("analyte", analyte)
        .put("results", results)
        .put("censored", censored);
  }

  private static UpstreamStandIns.Canned ok(JsonObject body) {
    return new UpstreamStandIns.Canned(200, body.encode(), 0);
  }

  private void bothServicesAnswer(boolean blinded) {
    trials.canned.put(TRIAL_PATH, ok(trialRecord(blinded)));
    biomarkers.canned.put(COUNTS_PATH, ok(counts()));
    for (String analyte : new String[] {"HAMD17", "IL6"}) {
      biomarkers.canned.put(
          TRIAL_PATH + "/summaries/" + analyte,
          ok(new JsonObject().put("trialId", TRIAL).put("analyte", analyte)));
    }
  }

  @AfterEach
  void forgetAnswers() {
    trials.canned.clear();
    biomarkers.canned.clear();
  }

  private static String bearer(String role) {
    return "Bearer " + TestTokens.token(role, "MINDGUT");
  }

  @Test
  void withBothServicesUpTheOverviewHoldsRecordScheduleCountsAndOutcomeSummaries() {
    bothServicesAnswer(true);
    String token = bearer(Roles.READER);
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    given()
        .header("Authorization", token)
        .header("X-Correlation-Id", "overview-1")
        .header("traceparent", traceparent)
        .get(TRIAL_PATH + "/overview")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("trialId", equalTo(TRIAL))
        .body("partial", equalTo(false))
        .body("unavailable", empty())
        .body("trial.publicTitle", equalTo("Lactobacillus helveticus R0052 as an adjunct to SSRIs"))
        .body("schedule.code", contains("W0", "W4", "W8"))
        .body("schedule[0].baseline", equalTo(true))
        .body("results.status", equalTo("AVAILABLE"))
        .body("results.total", equalTo(40))
        .body("results.counts", hasSize(4))
        .body("results.counts[2].visit", equalTo("W4"))
        .body("results.counts[2].analyte", equalTo("IL6"))
        .body("results.counts[2].censored", equalTo(1))
        // primary first; BDNF has no results; IL6 where it has values
        .body("results.summaries.analyte", contains("HAMD17", "IL6"));

    // blinded, and a reader: pooled summaries at the latest visit with values
    assertNotNull(biomarkers.lastHeaders.get(TRIAL_PATH + "/summaries/HAMD17?visit=W8&by=pooled"));
    assertNotNull(biomarkers.lastHeaders.get(TRIAL_PATH + "/summaries/IL6?visit=W4&by=pooled"));
    // every request carries the caller's token, correlation id and trace
    for (MultiMap sent :
        new MultiMap[] {
          trials.lastHeaders.get(TRIAL_PATH),
          biomarkers.lastHeaders.get(COUNTS_PATH),
          biomarkers.lastHeaders.get(TRIAL_PATH + "/summaries/IL6?visit=W4&by=pooled")
        }) {
      assertEquals(token, sent.get("Authorization"));
      assertEquals("overview-1", sent.get("X-Correlation-Id"));
      // the gateway's trace continues the caller's: same trace id, the gateway's span as parent
      assertEquals(traceparent.substring(0, 36), sent.get("traceparent").substring(0, 36));
    }
  }

  @Test
  void theTrialsStatisticianGetsPerArmSummariesWhileBlinded() {
    bothServicesAnswer(true);
    given()
        .header("Authorization", bearer(Roles.STATISTICIAN))
        .get(TRIAL_PATH + "/overview")
        .then()
        .statusCode(200)
        .body("results.summaries", hasSize(2));
    assertNotNull(biomarkers.lastHeaders.get(TRIAL_PATH + "/summaries/HAMD17?visit=W8&by=arm"));
  }

  @Test
  void resultsOfAnotherConsortiumAreNotShownAndTheOverviewIsNotPartial() {
    bothServicesAnswer(false);
    biomarkers.canned.put(
        COUNTS_PATH,
        new UpstreamStandIns.Canned(404, "{\"status\":404,\"detail\":\"No trial\"}", 0));
    given()
        .get(TRIAL_PATH + "/overview")
        .then()
        .statusCode(200)
        .body("partial", equalTo(false))
        .body("trial.id", equalTo(TRIAL))
        .body("results.status", equalTo("NOT_VISIBLE"))
        .body("results.counts", empty())
        .body("results.summaries", empty());
  }

  @Test
  void aSlowBiomarkerServiceLeavesAPartialOverviewWithTheTrial() {
    bothServicesAnswer(false);
    // longer than the overview waits in the tests (1 s)
    biomarkers.canned.put(COUNTS_PATH, new UpstreamStandIns.Canned(200, counts().encode(), 3_000));
    given()
        .header("Authorization", bearer(Roles.READER))
        .get(TRIAL_PATH + "/overview")
        .then()
        .statusCode(200)
        .body("partial", equalTo(true))
        .body("unavailable", contains("biomarker-service"))
        .body("trial.id", equalTo(TRIAL))
        .body("schedule", hasSize(3))
        .body("results.status", equalTo("UNAVAILABLE"));
  }

  @Test
  void aStoppedBiomarkerServiceLeavesAPartialOverviewWithTheTrial() throws Exception {
    bothServicesAnswer(false);
    biomarkers.stop();
    try {
      given()
          .header("Authorization", bearer(Roles.READER))
          .get(TRIAL_PATH + "/overview")
          .then()
          .statusCode(200)
          .body("partial", equalTo(true))
          .body("unavailable", contains("biomarker-service"))
          .body("trial.consortium", equalTo("MINDGUT"))
          .body("results.status", equalTo("UNAVAILABLE"));
    } finally {
      biomarkers.start();
    }
  }

  @Test
  void withTrialServiceDownThereIsNothingToShow() throws Exception {
    bothServicesAnswer(false);
    trials.stop();
    try {
      given()
          .get(TRIAL_PATH + "/overview")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", notNullValue())
          .body("type", equalTo("https://psybiome.org/problems/service-unavailable"))
          .body("detail", equalTo("trial-service cannot be reached; try again shortly"))
          .body("trial", nullValue());
    } finally {
      trials.start();
    }
  }

  @Test
  void aTrialTrialServiceDoesNotShowIsNotFound() {
    bothServicesAnswer(false);
    trials.canned.put(
        TRIAL_PATH,
        new UpstreamStandIns.Canned(404, "{\"status\":404,\"detail\":\"No trial\"}", 0));
    given()
        .get(TRIAL_PATH + "/overview")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("https://psybiome.org/problems/not-found"))
        .body("instance", equalTo(TRIAL_PATH + "/overview"));
  }

  @Test
  void theOverviewIsInTheMergedApiDocument() {
    Eventually.await(
        "the overview documented",
        java.time.Duration.ofSeconds(15),
        () ->
            given()
                .get("/openapi.json")
                .jsonPath()
                .getMap("paths")
                .keySet()
                .containsAll(
                    java.util.List.of("/api/v1/trials/{trialId}/overview", "/api/v1/events")));
    given()
        .get("/openapi.json")
        .then()
        .body("components.schemas.TrialOverview.properties.partial.type", equalTo("boolean"))
        .body("paths.'/api/v1/events'.get.responses.'200'.content", notNullValue());
  }
}
