package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each kind of bad input gets a 4xx problem with field violations and changes nothing. */
@QuarkusTest
class BadInputTest {

  private long trialsBefore;

  @BeforeEach
  void count() {
    trialsBefore = total();
  }

  private static long total() {
    return as("reader").queryParam("pageSize", 1).get("/api/v1/trials").jsonPath().getLong("total");
  }

  private static io.restassured.response.ValidatableResponse post(Object body) {
    return as("registrant").contentType(ContentType.JSON).body(body).post("/api/v1/trials").then();
  }

  private void nothingCreated() {
    org.assertj.core.api.Assertions.assertThat(total()).isEqualTo(trialsBefore);
  }

  @Test
  void wrongTypes() {
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    body.put("targetSampleSize", "many");
    post(body)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("targetSampleSize"))
        .body("violations[0].message", equalTo("must be a number"));
    nothingCreated();
  }

  @Test
  void unknownEnumValuesAndInterventionTypes() {
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    ((ObjectNode) body.get("design")).put("allocation", "BY_COIN");
    post(body)
        .statusCode(400)
        .body("violations[0].field", equalTo("design.allocation"))
        .body("violations[0].message", containsString("RANDOMIZED"));
    ObjectNode homeopathy = DemoTrials.load(DemoTrials.DIET);
    ((ObjectNode) homeopathy.withArray("interventions").get(0)).put("type", "HOMEOPATHY");
    post(homeopathy)
        .statusCode(400)
        .body("violations[0].field", containsString("interventions[0]"));
    nothingCreated();
  }

  @Test
  void misspeltFieldsAreNotSilentlyDropped() {
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    body.put("publicTitel", "typo");
    post(body).statusCode(400).body("violations[0].field", equalTo("publicTitel"));
    nothingCreated();
  }

  @Test
  void malformedSecondaryIdsAndImpossibleDatesAreListedTogether() {
    ObjectNode body = DemoTrials.load(DemoTrials.PROBIOTIC);
    body.withArray("secondaryIds").removeAll();
    body.withArray("secondaryIds").addObject().put("registry", "NCT").put("value", "NCT123");
    body.withArray("secondaryIds")
        .addObject()
        .put("registry", "EUDRACT")
        .put("value", "2025-1234-17");
    body.withArray("secondaryIds")
        .addObject()
        .put("registry", "CTIS")
        .put("value", "2025-412345-11-00");
    body.put("completionDate", "2025-01-01");
    post(body)
        .statusCode(400)
        .body(
            "violations.field",
            hasItems(
                "secondaryIds[0].value",
                "secondaryIds[1].value",
                "secondaryIds[2].value",
                "completionDate"))
        .body("violations.message", hasItem(containsString("NCT followed by 8 digits")));
    nothingCreated();
  }

  @Test
  void armsNamingUnknownInterventionsAndBadCodes() {
    ObjectNode body = DemoTrials.load(DemoTrials.FMT);
    ((ObjectNode) body.withArray("arms").get(0)).withArray("interventionCodes").add("ANTIBIOTIC");
    ((ObjectNode) body.withArray("conditions").get(0)).put("code", "depression");
    body.withArray("countries").add("XX");
    ((ObjectNode) body.get("design"))
        .putObject("masking")
        .put("level", "DOUBLE")
        .putArray("maskedRoles")
        .add("PARTICIPANT");
    post(body)
        .statusCode(400)
        .body(
            "violations.field",
            hasItems(
                "arms[0].interventionCodes[2]",
                "conditions[0].code",
                "countries[1]",
                "design.masking.maskedRoles"));
    nothingCreated();
  }

  @Test
  void impossibleStrainAndDoseValues() {
    ObjectNode body = DemoTrials.load(DemoTrials.PROBIOTIC);
    ObjectNode probiotic = (ObjectNode) body.withArray("interventions").get(0);
    probiotic.put("doseCfuPerDay", 0);
    ((ObjectNode) probiotic.withArray("strains").get(0)).put("genus", "lactobacillus");
    post(body)
        .statusCode(400)
        .body(
            "violations.field",
            hasItems("interventions[0].doseCfuPerDay", "interventions[0].strains[0].genus"));
    // doses well beyond 10^12 CFU are fine
    probiotic.put("doseCfuPerDay", new java.math.BigDecimal("4.5E13"));
    ((ObjectNode) probiotic.withArray("strains").get(0)).put("genus", "Lactobacillus");
    post(body).statusCode(201);
  }

  @Test
  void registrationRequiresEveryTrdsItem() {
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    body.remove("ethicsReview");
    body.remove("primaryOutcomes");
    body.remove("ipdSharing");
    var draft = TrialApi.createDraft(body); // a draft may be incomplete
    TrialApi.changeStatus(draft.id(), draft.etag(), "RECRUITING", null)
        .then()
        .statusCode(422)
        .body("violations.field", hasItems("ethicsReviews", "primaryOutcomes", "ipdSharing"))
        .body("violations.message", hasItem(containsString("WHO TRDS item 21")));
    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .body("status", equalTo("DRAFT"))
        .body("version", equalTo(1));
  }

  @Test
  void aSecondaryIdClaimedByAnotherTrialIsAConflict() {
    ObjectNode first = DemoTrials.load(DemoTrials.DIET);
    TrialApi.createDraft(first);
    ObjectNode second = DemoTrials.load(DemoTrials.FMT);
    second.set("secondaryIds", first.get("secondaryIds").deepCopy());
    ((ObjectNode) second.withArray("secondaryIds").get(0))
        .put("value", " " + first.withArray("secondaryIds").get(0).get("value").asText() + " ");
    post(second).statusCode(409).body("detail", containsString("already claimed by PSB-"));
    // another consortium learns that the id is taken, not by which draft
    as("registrant", TrialApi.OTHER_CONSORTIUM)
        .contentType(ContentType.JSON)
        .body(second)
        .post("/api/v1/trials")
        .then()
        .statusCode(409)
        .body("detail", containsString("by another trial"));
  }

  @Test
  void oversizedBodiesAreRefusedBeforeReading() {
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    body.put("publicTitle", "x".repeat(2_000_000));
    post(body).statusCode(413).contentType("application/problem+json");
    nothingCreated();
  }

  @Test
  void participantCodesThatLookLikePersonalDataAreRefused() {
    var trial = TrialApi.recruiting(DemoTrials.DIET);
    for (String code :
        new String[] {
          "jane.doe@example.org",
          "Jane Doe",
          "1984-03-12",
          "PT19840312",
          "12.03.1984",
          "+4915112345678",
          "0612345678901"
        }) {
      as("registrant")
          .contentType(ContentType.JSON)
          .body(Map.of("code", code, "arm", "Usual diet", "enrolledOn", LocalDate.now().toString()))
          .post("/api/v1/trials/" + trial.id() + "/participants")
          .then()
          .statusCode(400)
          .body("violations[0].field", equalTo("code"));
    }
    TrialApi.enrol(trial.id(), "MG-0042", "No such arm")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("arm"));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "code",
                "MG-0043",
                "arm",
                "Usual diet",
                "enrolledOn",
                LocalDate.now().plusDays(3).toString()))
        .post("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("enrolledOn"));
    as("registrant").get("/api/v1/trials/" + trial.id()).then().body("actualEnrolment", equalTo(0));
  }

  @Test
  void enrolmentOnlyWhileRecruiting() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    TrialApi.enrol(draft.id(), "MG-0100", "Usual diet").then().statusCode(409);
    String etag = TrialApi.moveTo(draft.id(), draft.etag(), "NOT_YET_RECRUITING");
    TrialApi.enrol(draft.id(), "MG-0100", "Usual diet").then().statusCode(409);
    TrialApi.moveTo(draft.id(), etag, "RECRUITING");
    TrialApi.enrol(draft.id(), "MG-0100", "Usual diet").then().statusCode(201);
    TrialApi.enrol(draft.id(), "MG-0100", "Usual diet").then().statusCode(409);
  }

  @Test
  void badQueryParametersAreProblems() {
    given().queryParam("pageSize", 0).get("/api/v1/trials").then().statusCode(400);
    given()
        .queryParam("sort", "bogus")
        .get("/api/v1/trials")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("sort"));
    given().queryParam("pageToken", "garbage!").get("/api/v1/trials").then().statusCode(400);
    given().queryParam("status", "FINISHED").get("/api/v1/trials").then().statusCode(400);
    given().queryParam("registeredFrom", "yesterday").get("/api/v1/trials").then().statusCode(400);
  }
}
