package org.psybiome.trial;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A trial that ran years ago, registered here today: its real history goes in (status dates in the
 * past, participants with their real enrolment dates), today is forced on none of it, and it shows
 * as RETROSPECTIVE; the audit still says when each fact was entered.
 */
@QuarkusTest
class RetrospectiveRegistrationTest {

  private static final String ARM = "Usual diet";

  @Test
  void aTrialCompletedYearsAgoKeepsItsRealDatesAndIsRetrospective() {
    ObjectNode record = DemoTrials.load(DemoTrials.DIET);
    record.remove(List.of("anticipatedFirstEnrolment", "completionDate"));
    ObjectNode dates = record.putObject("dates");
    dates.putObject("studyStart").put("date", "2015-03-02").put("type", "ACTUAL");
    dates.putObject("primaryCompletion").put("date", "2016-05").put("type", "ACTUAL");
    dates.putObject("studyCompletion").put("date", "2016-06-30").put("type", "ACTUAL");
    record.putObject("enrolment").put("count", 2).put("type", "ACTUAL");
    var draft = TrialApi.createDraft(record);

    String etag =
        TrialApi.changeStatus(
                draft.id(), draft.etag(), "RECRUITING", null, LocalDate.parse("2015-03-02"))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    enrol(draft.id(), "P-RETRO-001", "2015-03-10").then().statusCode(201);
    enrol(draft.id(), "P-RETRO-002", "2015-09-21").then().statusCode(201);
    // before recruitment began is impossible, as is the future
    enrol(draft.id(), "P-RETRO-003", "2015-03-01")
        .then()
        .statusCode(400)
        .body("violations.field", contains("enrolledOn"));
    TrialApi.changeStatus(
            draft.id(), etag, "COMPLETED", "last visit done", LocalDate.parse("2016-06-30"))
        .then()
        .statusCode(200);

    as("reader")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("registeredOn", equalTo(LocalDate.now().toString()))
        .body("registrationTiming", equalTo("RETROSPECTIVE"))
        .body("statusHistory.status", contains("RECRUITING", "COMPLETED"))
        .body("statusHistory.effectiveDate", contains("2015-03-02", "2016-06-30"))
        .body("dates.studyStart.date", equalTo("2015-03-02"))
        .body("dates.primaryCompletion.date", equalTo("2016-05"))
        .body("dates.studyCompletion.type", equalTo("ACTUAL"))
        // the 1.0 items still read, where the day is known
        .body("anticipatedFirstEnrolment", equalTo("2015-03-02"))
        .body("completionDate", equalTo("2016-06-30"))
        .body("actualEnrolment", equalTo(2));
    as("registrant")
        .get("/api/v1/trials/" + draft.id() + "/participants")
        .then()
        .body("items.enrolledOn", contains("2015-03-10", "2015-09-21"));
    // the audit says when it was entered: today, not 2015
    as("registrant")
        .get("/api/v1/trials/" + draft.id() + "/audit")
        .then()
        .body("items.at", hasItems(org.hamcrest.Matchers.startsWith(LocalDate.now().toString())));
  }

  @Test
  void aTrialRegisteredBeforeItsFirstEnrolmentIsProspective() {
    ObjectNode record = DemoTrials.load(DemoTrials.DIET);
    var draft = TrialApi.createDraft(record);
    TrialApi.moveTo(draft.id(), draft.etag(), "NOT_YET_RECRUITING");
    as("reader")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("registrationTiming", equalTo("PROSPECTIVE"));
  }

  @Test
  void aTrialFirstRegisteredElsewhereIsJudgedByThatRegistration() {
    ObjectNode record = DemoTrials.load(DemoTrials.DIET);
    record.remove(List.of("anticipatedFirstEnrolment"));
    record.putObject("dates").putObject("studyStart").put("date", "2019-03").put("type", "ACTUAL");
    String nct = record.get("secondaryIds").get(0).get("value").asText();
    // registered on ClinicalTrials.gov in February 2019, before the March start
    record
        .putObject("originalRegistration")
        .put("registry", "NCT")
        .put("id", nct)
        .put("firstSubmitted", "2019-02-11");
    var draft = TrialApi.createDraft(record);
    TrialApi.changeStatus(
            draft.id(), draft.etag(), "RECRUITING", null, LocalDate.parse("2019-03-04"))
        .then()
        .statusCode(200);
    as("reader")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("registrationTiming", equalTo("PROSPECTIVE"))
        .body("originalRegistration.firstSubmitted", equalTo("2019-02-11"));

    // registered within the month the start is known to: the dates cannot tell
    record.put("publicTitle", record.get("publicTitle").asText() + " (2)");
    record.withArray("secondaryIds").removeAll();
    ((ObjectNode) record.get("originalRegistration")).put("firstSubmitted", "2019-03-15");
    var second = TrialApi.createDraft(record);
    TrialApi.changeStatus(
            second.id(), second.etag(), "RECRUITING", null, LocalDate.parse("2019-03-04"))
        .then()
        .statusCode(200);
    as("reader")
        .get("/api/v1/trials/" + second.id())
        .then()
        .body("registrationTiming", equalTo("UNDETERMINED"));
  }

  private static io.restassured.response.Response enrol(String id, String code, String on) {
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "arm", ARM, "enrolledOn", on))
        .post("/api/v1/trials/" + id + "/participants");
  }
}
