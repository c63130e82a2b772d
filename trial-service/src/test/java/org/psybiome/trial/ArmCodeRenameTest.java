package org.psybiome.trial;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arms are referred to by a stable code: renaming an arm keeps its participants, an arm with
 * participants cannot be removed, and an enrolment names the arm by code or (as in 1.0) by label.
 */
@QuarkusTest
class ArmCodeRenameTest {

  @Test
  void renamingAnArmKeepsItsParticipantsAndAnArmWithParticipantsStays() {
    // the diet trial is open-label: the registrant sees arms
    var trial = TrialApi.recruiting(DemoTrials.DIET);
    ObjectNode read =
        (ObjectNode)
            DemoTrials.JSON.valueToTree(
                as("registrant").get("/api/v1/trials/" + trial.id()).as(Map.class));
    // codes were made from the labels
    as("registrant")
        .get("/api/v1/trials/" + trial.id())
        .then()
        .body("arms.code", contains("MEDITERRANEAN_DI", "USUAL_DIET"));

    enrol(trial.id(), "P-ARM-001", "USUAL_DIET")
        .then()
        .statusCode(201)
        .body("armCode", equalTo("USUAL_DIET"));
    enrol(trial.id(), "P-ARM-002", "Usual diet")
        .then()
        .statusCode(201)
        .body("arm", equalTo("Usual diet"));
    enrol(trial.id(), "P-ARM-003", "NO_SUCH_ARM")
        .then()
        .statusCode(400)
        .body("violations[0].message", containsString("USUAL_DIET (Usual diet)"));

    // rename "Usual diet" (its code sent back as read)
    ArrayNode arms = (ArrayNode) read.get("arms");
    ((ObjectNode) arms.get(1)).put("label", "Usual diet, unchanged");
    read.put("changeReason", "clearer arm label");
    TrialApi.update(trial.id(), TrialApi.etagOf(trial.id()), read).then().statusCode(200);
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .body("items.arm", contains("Usual diet, unchanged", "Usual diet, unchanged"))
        .body("items.armCode", contains("USUAL_DIET", "USUAL_DIET"));

    // removing the arm with participants is a conflict, and nothing changes
    arms.remove(1);
    ((ObjectNode) arms.get(0)).withArray("interventionCodes");
    String etag = TrialApi.etagOf(trial.id());
    TrialApi.update(trial.id(), etag, read)
        .then()
        .statusCode(409)
        .body("detail", containsString("Arm USUAL_DIET has 2 participant(s)"));
    as("registrant").get("/api/v1/trials/" + trial.id()).then().header("ETag", etag);
  }

  private static io.restassured.response.Response enrol(String id, String code, String arm) {
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "arm", arm, "enrolledOn", LocalDate.now().toString()))
        .post("/api/v1/trials/" + id + "/participants");
  }
}
