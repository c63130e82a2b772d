package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One participant's arm revealed in an emergency: to the trial's registrant or statistician, with a
 * reason, audited without the arm; everyone else still sees no arm, and the trial stays blinded.
 */
@QuarkusTest
class EmergencyUnblindingTest {

  private static Response unblind(
      String role, String consortium, String id, String code, Object body) {
    return as(role, consortium)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/trials/" + id + "/participants/" + code + "/unblinding");
  }

  @Test
  void theInvestigatorLearnsOneArmAndNobodyElseDoes() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC); // masked
    TrialApi.enrol(trial.id(), "P-EU-001", "Placebo").then().statusCode(201);
    TrialApi.enrol(trial.id(), "P-EU-002", "Probiotic").then().statusCode(201);

    unblind(
            "registrant",
            TrialApi.CONSORTIUM,
            trial.id(),
            "P-EU-001",
            Map.of("reason", "SAE: anaphylaxis"))
        .then()
        .statusCode(200)
        .body("arm", equalTo("Placebo"))
        .body("armCode", equalTo("PLACEBO"))
        .body("reason", equalTo("SAE: anaphylaxis"))
        .body("unblindedAt", notNullValue());

    // the others still see no arm, only that it happened; the trial is still blinded
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .body("items.arm", everyItem(nullValue()))
        .body("items.find { it.code == 'P-EU-001' }.emergencyUnblindedAt", notNullValue())
        .body("items.find { it.code == 'P-EU-002' }.emergencyUnblindedAt", nullValue());
    as("reader").get("/api/v1/trials/" + trial.id()).then().body("blinded", equalTo(true));
    // audited with the reason, without the arm
    String audit = as("registrant").get("/api/v1/trials/" + trial.id() + "/audit").asString();
    assertThat(audit).contains("PARTICIPANT_UNBLINDED", "SAE: anaphylaxis");
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/audit")
        .then()
        .body("items.action", hasItem("PARTICIPANT_UNBLINDED"))
        .body(
            "items.find { it.action == 'PARTICIPANT_UNBLINDED' }.changes[0].to",
            org.hamcrest.Matchers.not(containsString("Placebo")));
  }

  @Test
  void refusalsAreProblems() {
    var masked = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(masked.id(), "P-EU-101", "Placebo").then().statusCode(201);
    unblind("registrant", TrialApi.CONSORTIUM, masked.id(), "P-EU-101", Map.of())
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("reason"));
    unblind("reader", TrialApi.CONSORTIUM, masked.id(), "P-EU-101", Map.of("reason", "x"))
        .then()
        .statusCode(403);
    unblind("registrant", TrialApi.OTHER_CONSORTIUM, masked.id(), "P-EU-101", Map.of("reason", "x"))
        .then()
        .statusCode(404);
    unblind("registrant", TrialApi.CONSORTIUM, masked.id(), "P-NOBODY", Map.of("reason", "x"))
        .then()
        .statusCode(404);
    var open = TrialApi.recruiting(DemoTrials.DIET); // open-label
    TrialApi.enrol(open.id(), "P-EU-201", "Usual diet").then().statusCode(201);
    unblind("registrant", TrialApi.CONSORTIUM, open.id(), "P-EU-201", Map.of("reason", "x"))
        .then()
        .statusCode(409)
        .body("detail", containsString("not blinded"));
  }
}
