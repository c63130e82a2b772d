package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Importing the ten real ClinicalTrials.gov API v2 documents of src/test/resources/ctgov through
 * the API. Expected values are read from the documents themselves (their statusModule, designModule
 * and armsInterventionsModule), or worked out by hand from them where a rule applies (prospective
 * or retrospective: studyFirstSubmitDate against the actual start date).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCtgovTest {

  static final String CONSORTIUM = "IMPORTERS";
  private static final String PATH = "/api/v1/imports/clinicaltrials-gov";
  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> DOCUMENTS =
      List.of(
          "NCT00763412",
          "NCT00973089",
          "NCT03418623",
          "NCT03475563",
          "NCT03630471",
          "NCT04207047",
          "NCT04267848",
          "NCT04431453",
          "NCT05594173",
          "NCT06171568");

  /** By hand: first submitted vs actual start (ICMJE), from each document's statusModule. */
  private static final Map<String, String> TIMING = new LinkedHashMap<>();

  static {
    TIMING.put("NCT00763412", "RETROSPECTIVE"); // submitted 2008-09-29, started 2006-11
    TIMING.put("NCT00973089", "PROSPECTIVE"); // withdrawn: nobody was enrolled
    TIMING.put("NCT03418623", "PROSPECTIVE"); // 2018-01-08 before 2018-03-08
    TIMING.put("NCT03475563", "PROSPECTIVE"); // 2018-03-16 before 2018-08-16
    TIMING.put("NCT03630471", "PROSPECTIVE"); // 2018-08-06 before 2018-08-20
    TIMING.put("NCT04207047", "RETROSPECTIVE"); // 2019-12-17 after 2018-10-02
    TIMING.put("NCT04267848", "PROSPECTIVE"); // 2020-02-12 before 2020-06-16
    TIMING.put("NCT04431453", "PROSPECTIVE"); // 2020-06-08 before 2020-07-21
    TIMING.put("NCT05594173", "RETROSPECTIVE"); // 2022-10-21 after 2019-09-13
    TIMING.put("NCT06171568", "PROSPECTIVE"); // not yet recruiting
  }

  private final Map<String, String> trialIds = new LinkedHashMap<>();

  static ObjectNode document(String nctId) {
    try (InputStream in = ImportCtgovTest.class.getResourceAsStream("/ctgov/" + nctId + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Response post(String consortium, Object body) {
    return as("registrant", consortium)
        .contentType(ContentType.JSON)
        .accept("application/json, application/x-ndjson")
        .body(body)
        .post(PATH);
  }

  /** Once per class, inside a test: Quarkus points RestAssured at the app per test. */
  @BeforeEach
  void importAll() {
    if (!trialIds.isEmpty()) {
      return;
    }
    for (String nct : DOCUMENTS) {
      Response response = post(CONSORTIUM, document(nct).toString());
      response.then().statusCode(201);
      assertThat(response.jsonPath().getString("outcome")).as(nct).isEqualTo("CREATED");
      assertThat(response.header("Location")).endsWith(response.jsonPath().getString("trial.id"));
      trialIds.put(nct, response.jsonPath().getString("trial.id"));
    }
  }

  @Test
  void eachStudyKeepsItsRealStatusDatesArmsAndEnrolment() {
    for (String nct : DOCUMENTS) {
      JsonNode doc = document(nct).get("protocolSection");
      JsonNode status = doc.get("statusModule");
      var trial = as("reader").get("/api/v1/trials/" + trialIds.get(nct)).then().statusCode(200);
      trial
          .body("status", equalTo(status.get("overallStatus").asText()))
          .body("registeredOn", equalTo(java.time.LocalDate.now().toString()))
          .body("registrationTiming", equalTo(TIMING.get(nct)))
          .body("dates.studyStart.date", equalTo(status.at("/startDateStruct/date").asText()))
          .body(
              "originalRegistration.firstSubmitted",
              equalTo(status.get("studyFirstSubmitDate").asText()))
          .body("enrolment.count", equalTo(doc.at("/designModule/enrollmentInfo/count").asInt()))
          .body("arms.size()", equalTo(doc.at("/armsInterventionsModule/armGroups").size()))
          .body("secondaryIds.value", hasItem(nct))
          .body("source.sourceId", equalTo(nct))
          .body("source.registry", equalTo("ClinicalTrials.gov"));
      if (status.has("lastKnownStatus")) {
        trial.body("lastKnownStatus", equalTo(status.get("lastKnownStatus").asText()));
      }
      if (status.has("completionDateStruct")) {
        trial.body(
            "dates.studyCompletion.date",
            equalTo(status.at("/completionDateStruct/date").asText()));
      }
    }
  }

  @Test
  void searchFindsAnImportedTrialByItsNctNumber() {
    as("reader")
        .queryParam("secondaryId", "NCT04431453")
        .get("/api/v1/trials")
        .then()
        .body("items.id", contains(trialIds.get("NCT04431453")));
  }

  @Test
  void theFhirExportOfEveryImportedTrialPassesHapisValidator() {
    for (String nct : DOCUMENTS) {
      String body =
          as("reader")
              .queryParam("format", "fhir-r4")
              .get("/api/v1/trials/" + trialIds.get(nct) + "/export")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      var errors =
          FhirValidation.validate(body).stream()
              .filter(
                  m ->
                      m.getSeverity().ordinal()
                          >= ca.uhn.fhir.validation.ResultSeverityEnum.ERROR.ordinal())
              .map(m -> m.getLocationString() + " " + m.getMessage())
              .toList();
      assertThat(errors).as(nct).isEmpty();
    }
  }

  @Test
  void importingTheClinicalTrialsGovExportGivesBackTheSameRecord() {
    for (String nct : DOCUMENTS) {
      String exported =
          as("reader")
              .queryParam("format", "ctgov-v2")
              .get("/api/v1/trials/" + trialIds.get(nct) + "/export")
              .then()
              .statusCode(200)
              .extract()
              .asString();
      Response again = post(CONSORTIUM, exported);
      again.then().statusCode(200);
      String id = trialIds.get(nct);
      int version = again.jsonPath().getInt("trial.version");
      assertThat(again.jsonPath().getString("outcome"))
          .as(
              "%s: %s",
              nct,
              version < 2
                  ? ""
                  : as("reader")
                      .queryParam("from", version - 1)
                      .queryParam("to", version)
                      .get("/api/v1/trials/" + id + "/diff")
                      .asString())
          .isEqualTo("UNCHANGED");
      assertThat(again.jsonPath().getString("trial.id")).isEqualTo(trialIds.get(nct));
    }
  }

  @Test
  void theExportIsTheDocumentThatWasImported() throws IOException {
    for (String nct : DOCUMENTS) {
      JsonNode exported =
          JSON.readTree(
              as("reader")
                  .queryParam("format", "ctgov-v2")
                  .get("/api/v1/trials/" + trialIds.get(nct) + "/export")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      JsonNode original = document(nct);
      List<String> differences = new java.util.ArrayList<>();
      differences("", original, exported, differences);
      assertThat(differences).as(nct).isEmpty();
    }
  }

  @Test
  void anotherConsortiumsStudyIsAConflictAndNothingIsStored() {
    post("OTHER-CONSORTIUM", document("NCT00973089").toString())
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", startsWith("NCT00973089 is already in Psybiome"));
    as("reader")
        .queryParam("secondaryId", "NCT00973089")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(1))
        .body("items[0].consortium", equalTo(CONSORTIUM));
  }

  @Test
  void aChangedStudyBecomesANewVersionWithItsReason() {
    ObjectNode changed = document("NCT03418623");
    ((ObjectNode) changed.at("/protocolSection/identificationModule"))
        .put("briefTitle", "A changed brief title");
    ((ObjectNode) changed.at("/protocolSection/statusModule"))
        .put("lastUpdateSubmitDate", "2026-11-01");
    String id = trialIds.get("NCT03418623");
    int before = as("reader").get("/api/v1/trials/" + id).jsonPath().getInt("version");
    Response response = post(CONSORTIUM, changed.toString());
    response.then().statusCode(200);
    assertThat(response.jsonPath().getString("outcome")).isEqualTo("UPDATED");
    assertThat(response.jsonPath().getInt("trial.version")).isEqualTo(before + 1);
    assertThat(response.jsonPath().getString("trial.publicTitle"))
        .isEqualTo("A changed brief title");
    as("reader")
        .get("/api/v1/trials/" + id + "/versions")
        .then()
        .body("change", hasItem("REIMPORTED"))
        .body("reason", hasItem(startsWith("Re-imported from ClinicalTrials.gov NCT03418623")));
  }

  @Test
  void whatIsNotAStudyIsA422NamingWhatIsWrong() {
    post(CONSORTIUM, "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"}}}")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.field", hasItem("/protocolSection/identificationModule/nctId"));
    post(CONSORTIUM, "\"a string\"").then().statusCode(422);
    post(CONSORTIUM, "{\"studies\": 3}").then().statusCode(422);
  }

  @Test
  void badRequestsAreProblemsAndStoreNothing() {
    long before = importedTrials();
    // truncated JSON, a body that is not JSON, the wrong role, no token
    post(CONSORTIUM, document("NCT03418623").toString().substring(0, 500))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as("registrant", CONSORTIUM)
        .contentType("text/csv")
        .body("nctId\nNCT00000000\n")
        .post(PATH)
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    as("reader", CONSORTIUM)
        .contentType(ContentType.JSON)
        .body(document("NCT03418623").toString())
        .post(PATH)
        .then()
        .statusCode(403);
    io.restassured.RestAssured.given()
        .contentType(ContentType.JSON)
        .body(document("NCT03418623").toString())
        .post(PATH)
        .then()
        .statusCode(401);
    assertThat(importedTrials()).isEqualTo(before);
  }

  private static long importedTrials() {
    return as("reader", CONSORTIUM)
        .queryParam("consortium", CONSORTIUM)
        .get("/api/v1/trials")
        .jsonPath()
        .getLong("total");
  }

  @Test
  void manyStudiesAreImportedOneByOneWithALinePerStudyAndASummary() throws IOException {
    ObjectNode page = JSON.createObjectNode();
    ArrayNode studies = page.putArray("studies");
    studies.add(document("NCT03630471")); // already imported: unchanged
    studies.add(JSON.createObjectNode().put("notAStudy", true)); // refused
    ObjectNode fresh = document("NCT03630471");
    ((ObjectNode) fresh.at("/protocolSection/identificationModule")).put("nctId", "NCT99999901");
    // its sponsor's protocol number is claimed by NCT03630471's trial: a copy needs its own
    ((ObjectNode) fresh.at("/protocolSection/identificationModule/orgStudyIdInfo"))
        .put("id", "SANPRIDE_COPY");
    studies.add(fresh); // a new study
    page.put("nextPageToken", "opaque");
    Response response = post(CONSORTIUM, page.toString());
    response.then().statusCode(200).contentType("application/x-ndjson");
    List<JsonNode> lines = response.asString().lines().map(ImportCtgovTest::parse).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("outcome").asText()).isEqualTo("UNCHANGED");
    assertThat(lines.get(1).get("outcome").asText()).isEqualTo("REFUSED");
    assertThat(lines.get(1).at("/problem/status").asInt()).isEqualTo(422);
    assertThat(lines.get(2).get("outcome").asText()).isEqualTo("CREATED");
    assertThat(lines.get(2).get("sourceId").asText()).isEqualTo("NCT99999901");
    JsonNode summary = lines.get(3);
    assertThat(summary.get("outcome").asText()).isEqualTo("SUMMARY");
    assertThat(summary.at("/counts/CREATED").asInt()).isEqualTo(1);
    assertThat(summary.at("/counts/UNCHANGED").asInt()).isEqualTo(1);
    assertThat(summary.at("/counts/REFUSED").asInt()).isEqualTo(1);
    as("reader")
        .queryParam("secondaryId", "NCT99999901")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(1));
  }

  @Test
  void nothingOfTheSourceIsLost() {
    // what the record has no place for is shown under source.unmapped, by JSON pointer, and the
    // report of the import named the same pointers (CtgovNothingLostTest checks every leaf)
    for (String nct : List.of("NCT04267848", "NCT00763412")) {
      Map<Object, Object> source =
          as("reader")
              .get("/api/v1/trials/" + trialIds.get(nct))
              .jsonPath()
              .getMap("source.unmapped");
      // ClinicalTrials.gov's own derivations have no place in the record: kept whole
      assertThat(source).as(nct).containsKey("/derivedSection");
      assertThat(source.keySet()).allMatch(pointer -> String.valueOf(pointer).startsWith("/"));
    }
  }

  /** The JSON pointers where two documents differ, with both values. */
  private static void differences(String at, JsonNode a, JsonNode b, List<String> out) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      var names = new java.util.TreeSet<String>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        differences(at + "/" + name, a.get(name), b.get(name), out);
      }
    } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        differences(at + "/" + i, a.get(i), b.get(i), out);
      }
    } else if (a == null || !a.equals(b)) {
      out.add(at + ": " + abbreviate(a) + " -> " + abbreviate(b));
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
