package org.psybiome.trial;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Participants' follow-up and the CONSORT flow counted from it, for six participants whose counts
 * are worked out by hand below; pooled for the registrant of a blinded trial, per arm for its
 * statistician.
 */
@QuarkusTest
class ConsortFlowTest {

  private static Response step(String id, String code, String status, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("status", status);
    body.put("effectiveDate", LocalDate.now().toString());
    if (reason != null) {
      body.put("reason", reason);
    }
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/trials/" + id + "/participants/" + code + "/status");
  }

  @Test
  void theFlowCountsEachParticipantInEveryBoxItReached() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC); // masked: Probiotic vs Placebo
    String id = trial.id();
    for (String[] p :
        new String[][] {
          {"C-1", "Probiotic"}, {"C-2", "Probiotic"}, {"C-3", "Probiotic"},
          {"C-4", "Placebo"}, {"C-5", "Placebo"}, {"C-6", "Placebo"}
        }) {
      TrialApi.enrol(id, p[0], p[1]).then().statusCode(201);
    }
    step(id, "C-1", "RECEIVED_ALLOCATED_INTERVENTION", null).then().statusCode(200);
    step(id, "C-1", "COMPLETED", null)
        .then()
        .statusCode(200)
        .body("followUp.status", contains("RECEIVED_ALLOCATED_INTERVENTION", "COMPLETED"));
    step(id, "C-2", "RECEIVED_ALLOCATED_INTERVENTION", null).then().statusCode(200);
    step(id, "C-2", "DISCONTINUED_INTERVENTION", "nausea").then().statusCode(200);
    step(id, "C-2", "LOST_TO_FOLLOW_UP", null).then().statusCode(200);
    step(id, "C-3", "DID_NOT_RECEIVE_ALLOCATED_INTERVENTION", "withdrew before first dose")
        .then()
        .statusCode(200);
    step(id, "C-3", "WITHDREW_CONSENT", "no longer interested").then().statusCode(200);
    step(id, "C-4", "RECEIVED_ALLOCATED_INTERVENTION", null).then().statusCode(200);
    step(id, "C-4", "COMPLETED", null).then().statusCode(200);
    step(id, "C-5", "RECEIVED_ALLOCATED_INTERVENTION", null).then().statusCode(200);
    step(id, "C-5", "DISCONTINUED_INTERVENTION", "nausea").then().statusCode(200);
    as("statistician")
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "SAE"))
        .post("/api/v1/trials/" + id + "/participants/C-6/unblinding")
        .then()
        .statusCode(200);

    // refused: a reason missing, a step after completion, a date before enrolment
    step(id, "C-4", "DISCONTINUED_INTERVENTION", null).then().statusCode(409);
    step(id, "C-5", "WITHDREW_CONSENT", null)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("reason"));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(
            Map.of("status", "COMPLETED", "effectiveDate", LocalDate.now().minusDays(1).toString()))
        .post("/api/v1/trials/" + id + "/participants/C-5/status")
        .then()
        .statusCode(400)
        .body("violations[0].message", containsString("and today"));

    // the screening log: three assessed and not enrolled
    for (var screened :
        new String[][] {
          {"NOT_MEETING_INCLUSION_CRITERIA", "HAMD-17 below 18"},
          {"DECLINED_TO_PARTICIPATE", null},
          {"OTHER", "moved away"}
        }) {
      Map<String, Object> body = new HashMap<>();
      body.put("screenedOn", LocalDate.now().toString());
      body.put("outcome", screened[0]);
      if (screened[1] != null) {
        body.put("reason", screened[1]);
      }
      as("registrant")
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/trials/" + id + "/screenings")
          .then()
          .statusCode(201)
          .body("outcome", equalTo(screened[0]));
    }
    as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("screenedOn", LocalDate.now().plusDays(1).toString(), "outcome", "OTHER"))
        .post("/api/v1/trials/" + id + "/screenings")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("screenedOn"));

    // eligibility, by hand: assessed 3 excluded + 6 enrolled = 9
    // pooled, by hand: allocated 6; received C-1, C-2, C-4, C-5 = 4; did not receive C-3 (1);
    // discontinued C-2, C-5 = 2, both "nausea"; lost C-2 = 1; withdrew C-3 = 1; completed C-1,
    // C-4 = 2; unblinded in an emergency C-6 = 1
    as("registrant")
        .get("/api/v1/trials/" + id + "/consort")
        .then()
        .statusCode(200)
        .body("blinded", equalTo(true))
        .body("arms", empty())
        .body("eligibility.assessed", equalTo(9))
        .body("eligibility.excluded", equalTo(3))
        .body("eligibility.notMeetingInclusionCriteria", equalTo(1))
        .body("eligibility.declinedToParticipate", equalTo(1))
        .body("eligibility.otherReasons.reasons[0].reason", equalTo("moved away"))
        .body("pooled.allocated", equalTo(6))
        .body("pooled.received", equalTo(4))
        .body("pooled.didNotReceive.n", equalTo(1))
        .body("pooled.didNotReceive.reasons[0].reason", equalTo("withdrew before first dose"))
        .body("pooled.discontinued.n", equalTo(2))
        .body("pooled.discontinued.reasons[0].reason", equalTo("nausea"))
        .body("pooled.discontinued.reasons[0].n", equalTo(2))
        .body("pooled.lostToFollowUp", equalTo(1))
        .body("pooled.withdrewConsent.n", equalTo(1))
        .body("pooled.completed", equalTo(2))
        .body("pooled.emergencyUnblinded", equalTo(1));
    // per arm, by hand: Probiotic C-1..C-3, Placebo C-4..C-6
    as("statistician")
        .get("/api/v1/trials/" + id + "/consort")
        .then()
        .body("blinded", equalTo(false))
        .body("arms.armCode", contains("PROBIOTIC", "PLACEBO"))
        .body("arms[0].counts.allocated", equalTo(3))
        .body("arms[0].counts.received", equalTo(2))
        .body("arms[0].counts.didNotReceive.n", equalTo(1))
        .body("arms[0].counts.discontinued.n", equalTo(1))
        .body("arms[0].counts.lostToFollowUp", equalTo(1))
        .body("arms[0].counts.withdrewConsent.n", equalTo(1))
        .body("arms[0].counts.completed", equalTo(1))
        .body("arms[0].counts.emergencyUnblinded", equalTo(0))
        .body("arms[1].counts.allocated", equalTo(3))
        .body("arms[1].counts.received", equalTo(2))
        .body("arms[1].counts.didNotReceive.n", equalTo(0))
        .body("arms[1].counts.discontinued.n", equalTo(1))
        .body("arms[1].counts.lostToFollowUp", equalTo(0))
        .body("arms[1].counts.completed", equalTo(1))
        .body("arms[1].counts.emergencyUnblinded", equalTo(1));
    // another consortium: nothing to see
    as("reader", TrialApi.OTHER_CONSORTIUM)
        .get("/api/v1/trials/" + id + "/consort")
        .then()
        .statusCode(404);
  }
}
