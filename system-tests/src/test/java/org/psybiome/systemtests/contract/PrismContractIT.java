package org.psybiome.systemtests.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PrismProxy;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.contract.ResponseContract;

/**
 * A client's session with every operation of the API but the event stream, sent through Prism (a
 * validating proxy that reads the committed document independently of this project's own checker),
 * with answers of every kind: created, read, listed, replayed, exported, and the documented
 * refusals (401, 403, 404, 409, 412, 422, 428). Every request is one the document allows, so Prism
 * must report nothing at all, about requests or responses.
 */
@ExtendWith(StackExtension.class)
class PrismContractIT {

  private static final String CONSORTIUM = "PRISM";
  private static PsybiomeStack stack;
  private static PrismProxy prism;

  @BeforeAll
  static void startPrism(PsybiomeStack running) {
    stack = running;
    prism =
        PrismProxy.start(
            stack.root(),
            stack.gateway().baseUri(),
            stack.root().resolve("system-tests/target/stack-logs/prism-contract.log"));
  }

  @AfterAll
  static void stopPrism() {
    if (prism != null) {
      prism.close();
    }
  }

  @Test
  void everyOperationAnswersAsTheDocumentSays() {
    Trials trials = new Trials(prism.uri());
    TestTrial trial = trials.recruiting(stack.root(), CONSORTIUM, 2);
    trials.awaitKnownToBiomarker(trial);
    String id = trial.id();
    String participant = trial.participants().get(0).code();
    List<Integer> statuses = new ArrayList<>();

    // trials: public reads, and the registrant's writes
    statuses.add(api(null).get("/api/v1/trials").statusCode());
    statuses.add(
        api(null)
            .queryParam("status", "RECRUITING")
            .queryParam("pageSize", 5)
            .get("/api/v1/trials")
            .statusCode());
    Response read = api("reader").get("/api/v1/trials/" + id);
    statuses.add(read.statusCode());
    statuses.add(api(null).get("/api/v1/trials/" + id + "/versions").statusCode());
    statuses.add(api(null).get("/api/v1/trials/" + id + "/versions/1").statusCode());
    statuses.add(
        api(null)
            .queryParam("from", 1)
            .queryParam("to", 2)
            .get("/api/v1/trials/" + id + "/diff")
            .statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/audit").statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/participants").statusCode());
    for (String format : List.of("fhir-r4", "ctgov-v2", "who-trds")) {
      statuses.add(
          api(null)
              .queryParam("format", format)
              .get("/api/v1/trials/" + id + "/export")
              .statusCode());
    }
    // a real ClinicalTrials.gov record under an NCT number of this run's own: 201, then 200
    String study =
        ctgovStudy(
            "NCT9" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000));
    for (int i = 0; i < 2; i++) {
      statuses.add(
          api("registrant")
              .contentType("application/json")
              .body(study)
              .post("/api/v1/imports/clinicaltrials-gov")
              .statusCode());
    }
    statuses.add(api(null).get("/api/v1/trials/" + id + "/overview").statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/overview").statusCode());

    TestTrial draft = trials.draft(stack.root(), CONSORTIUM);
    String record = Trials.record(stack.root()).put("acronym", "PRISM").toString();
    Response replaced =
        api("registrant")
            .header("If-Match", draft.etag())
            .contentType("application/json")
            .body(record)
            .put("/api/v1/trials/" + draft.id());
    statuses.add(replaced.statusCode());
    statuses.add( // stale: 412
        api("registrant")
            .header("If-Match", draft.etag())
            .contentType("application/json")
            .body(record)
            .put("/api/v1/trials/" + draft.id())
            .statusCode());
    statuses.add( // a draft cannot jump to COMPLETED: 409
        api("registrant")
            .header("If-Match", replaced.header("ETag"))
            .contentType("application/json")
            .body("{\"status\":\"COMPLETED\",\"effectiveDate\":\"" + LocalDate.now() + "\"}")
            .post("/api/v1/trials/" + draft.id() + "/status")
            .statusCode());
    statuses.add(
        api("registrant")
            .contentType("application/json")
            .body(
                "{\"code\":\""
                    + id.substring(id.length() - 6)
                    + "-X1\",\"arm\":\"Placebo\","
                    + "\"enrolledOn\":\""
                    + LocalDate.now()
                    + "\"}")
            .post("/api/v1/trials/" + id + "/participants")
            .statusCode());

    // catalogue
    statuses.add(api(null).get("/api/v1/analytes").statusCode());
    statuses.add(api(null).get("/api/v1/analytes/IL6").statusCode());
    statuses.add(api(null).get("/api/v1/panels").statusCode());
    String panel = api(null).get("/api/v1/panels").jsonPath().getString("[0].code");

    // the curator's catalogue upkeep: a new analyte like IL-6, replaced, in a new panel
    com.fasterxml.jackson.databind.node.ObjectNode analyte =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Trials.parse(api(null).get("/api/v1/analytes/IL6").asString());
    String code = "IL6X" + id.substring(id.length() - 4);
    analyte.put("code", code).put("name", "Interleukin-6 (contract probe " + id + ")");
    statuses.add(
        api("curator")
            .contentType("application/json")
            .body(analyte.toString())
            .post("/api/v1/analytes")
            .statusCode());
    statuses.add(
        api("curator")
            .contentType("application/json")
            .body(analyte.put("name", "Interleukin-6, replaced").toString())
            .put("/api/v1/analytes/" + code)
            .statusCode());
    String newPanel = "PRISM" + id.substring(id.length() - 4);
    String panelBody =
        "{\"code\":\""
            + newPanel
            + "\",\"name\":\"Contract probe\",\"analytes\":[\""
            + code
            + "\"]}";
    statuses.add(
        api("curator")
            .contentType("application/json")
            .body(panelBody)
            .post("/api/v1/panels")
            .statusCode());
    statuses.add(
        api("curator")
            .contentType("application/json")
            .body(panelBody.replace("Contract probe", "Contract probe, replaced"))
            .put("/api/v1/panels/" + newPanel)
            .statusCode());
    statuses.add(api(null).get("/api/v1/panels/" + panel).statusCode());

    // results in each format, a replay, a correction, reads and exports
    String key = UUID.randomUUID().toString();
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
            + participant
            + ",W0,PR-1,2026-01-05T08:00:00Z,HSCRP,2.5,mg/L\n";
    Response batch =
        api("pipeline")
            .header("Idempotency-Key", key)
            .contentType("text/csv")
            .body(csv)
            .post("/api/v1/trials/" + id + "/results");
    statuses.add(batch.statusCode());
    statuses.add(
        api("pipeline")
            .header("Idempotency-Key", key)
            .contentType("text/csv")
            .body(csv)
            .post("/api/v1/trials/" + id + "/results")
            .statusCode());
    statuses.add(
        api("pipeline")
            .contentType("application/json")
            .body(
                "[{\"participant\":\""
                    + participant
                    + "\",\"visit\":\"W0\",\"sampleId\":\"PR-2\","
                    + "\"collectedAt\":\"2026-01-05T08:00:00Z\",\"analyte\":\"IL6\",\"value\":1.2,"
                    + "\"unit\":\"pg/mL\"}]")
            .post("/api/v1/trials/" + id + "/results")
            .statusCode());
    statuses.add(
        api("pipeline")
            .contentType("application/x-ndjson")
            .body(
                ("{\"participant\":\""
                        + participant
                        + "\",\"visit\":\"W0\",\"sampleId\":\"PR-3\","
                        + "\"collectedAt\":\"2026-01-05T08:00:00Z\",\"analyte\":\"TNFA\",\"value\":3.1,"
                        + "\"unit\":\"pg/mL\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/v1/trials/" + id + "/results")
            .statusCode());
    // the same batch checked without storing: 200 BatchCheck; a bad one: the POST's 422
    statuses.add(
        api("pipeline")
            .contentType("text/csv")
            .body(csv.replace("PR-1", "PR-V"))
            .post("/api/v1/trials/" + id + "/results/validate")
            .statusCode());
    statuses.add(
        api("pipeline")
            .contentType("text/csv")
            .body(
                "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                    + participant
                    + ",W0,PR-V2,2026-01-05T08:00:00Z,NOPE,1,mg/L\n")
            .post("/api/v1/trials/" + id + "/results/validate")
            .statusCode());
    statuses.add( // a row naming an analyte not in the catalogue: 422
        api("pipeline")
            .contentType("text/csv")
            .body(
                "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                    + participant
                    + ",W0,PR-4,2026-01-05T08:00:00Z,NOPE,1,mg/L\n")
            .post("/api/v1/trials/" + id + "/results")
            .statusCode());
    statuses.add(
        api("reader").get(java.net.URI.create(batch.header("Location")).getPath()).statusCode());
    Response results =
        api("reader").queryParam("analyte", "HSCRP").get("/api/v1/trials/" + id + "/results");
    statuses.add(results.statusCode());
    long resultId = results.jsonPath().getLong("items[0].id");
    statuses.add(
        api("pipeline")
            .contentType("application/json")
            .body("{\"value\":\"2.7\",\"unit\":\"mg/L\",\"reason\":\"re-run of the assay\"}")
            .post("/api/v1/trials/" + id + "/results/" + resultId + "/corrections")
            .statusCode());
    statuses.add(
        api("reader")
            .get("/api/v1/trials/" + id + "/results/" + resultId + "/history")
            .statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/results/counts").statusCode());
    statuses.add(
        api("reader")
            .queryParam("format", "csv")
            .get("/api/v1/trials/" + id + "/results/export")
            .statusCode());
    statuses.add(
        api("reader")
            .queryParam("format", "ndjson")
            .get("/api/v1/trials/" + id + "/results/export")
            .statusCode());
    for (String format : List.of("sdtm-lb", "sdtm-lb-csv", "fhir-r4")) {
      statuses.add(
          api("reader")
              .queryParam("format", format)
              .get("/api/v1/trials/" + id + "/results/export")
              .statusCode());
    }
    statuses.add(
        api("statistician")
            .queryParam("visit", "W0")
            .get("/api/v1/trials/" + id + "/summaries/HSCRP")
            .statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/drift").statusCode());
    statuses.add(
        api("statistician")
            .queryParam("visit", "W8")
            .get("/api/v1/trials/" + id + "/analysis")
            .statusCode());
    statuses.add(
        api("statistician")
            .queryParam("analyte", "HSCRP")
            .get("/api/v1/trials/" + id + "/missing-data")
            .statusCode());
    statuses.add(
        api("statistician")
            .queryParam("scale", "HAMD17")
            .queryParam("visit", "W8")
            .get("/api/v1/trials/" + id + "/response")
            .statusCode());
    statuses.add(
        api("statistician")
            .queryParam("outcome", "HSCRP")
            .queryParam("visit", "W8")
            .queryParam("by", "HSCRP")
            .queryParam("cutoffs", "3")
            .get("/api/v1/trials/" + id + "/subgroups")
            .statusCode());
    statuses.add(
        api("reader").queryParam("outcome", "HAMD17").get("/api/v1/evidence").statusCode());
    statuses.add(
        api("reader")
            .accept("image/svg+xml")
            .queryParam("outcome", "HAMD17,MADRS")
            .queryParam("interventionType", "PROBIOTIC")
            .get("/api/v1/evidence")
            .statusCode());
    statuses.add( // a parallel trial has no crossover analysis: 409
        api("statistician")
            .queryParam("analyte", "HSCRP")
            .get("/api/v1/trials/" + id + "/crossover-analysis")
            .statusCode());

    // refusals the document names
    statuses.add(api(null).get("/api/v1/trials/PSB-2000-000000").statusCode()); // 404
    statuses.add(
        api(null)
            .header("Authorization", "Bearer not.a.token")
            .get("/api/v1/trials/" + id + "/participants")
            .statusCode()); // 401
    statuses.add(
        api("reader")
            .contentType("text/csv")
            .body(csv)
            .post("/api/v1/trials/" + id + "/results")
            .statusCode()); // 403

    // follow-up, and the CONSORT flow counted from it
    statuses.add(
        api("registrant")
            .contentType("application/json")
            .body(
                "{\"status\":\"RECEIVED_ALLOCATED_INTERVENTION\",\"effectiveDate\":\""
                    + LocalDate.now()
                    + "\"}")
            .post("/api/v1/trials/" + id + "/participants/" + participant + "/status")
            .statusCode());
    statuses.add(
        api("registrant")
            .contentType("application/json")
            .body(
                "{\"screenedOn\":\""
                    + LocalDate.now()
                    + "\",\"outcome\":\"DECLINED_TO_PARTICIPATE\"}")
            .post("/api/v1/trials/" + id + "/screenings")
            .statusCode());
    statuses.add(api("reader").get("/api/v1/trials/" + id + "/consort").statusCode());
    statuses.add(
        api("statistician")
            .accept("image/svg+xml")
            .get("/api/v1/trials/" + id + "/consort")
            .statusCode());
    // one participant's arm revealed in an emergency, while the trial is still blinded
    statuses.add(
        api("registrant")
            .contentType("application/json")
            .body("{\"reason\":\"serious adverse event\"}")
            .post("/api/v1/trials/" + id + "/participants/" + participant + "/unblinding")
            .statusCode());
    // the statistician unblinds the trial (irreversible), with the ETag it read
    statuses.add(
        api("statistician")
            .header("If-Match", api("reader").get("/api/v1/trials/" + id).header("ETag"))
            .contentType("application/json")
            .body("{\"reason\":\"final analysis\"}")
            .post("/api/v1/trials/" + id + "/unblinding")
            .statusCode());

    assertThat(statuses).contains(200, 201, 401, 403, 404, 409, 412, 422);
    assertThat(statuses).doesNotContain(500, 502, 503, 504);
    // every operation of the document but the event stream, which Prism cannot hold open
    ResponseContract contract = ResponseContract.of(stack.apiDocument());
    java.util.Set<String> reached = new java.util.TreeSet<>();
    for (String request : prism.requests()) {
      String[] methodAndPath = request.split(" ", 2);
      contract.operationId(methodAndPath[0], methodAndPath[1]).ifPresent(reached::add);
    }
    java.util.Set<String> expected = new java.util.TreeSet<>(contract.operationIds());
    expected.remove("followEvents");
    assertThat(reached).isEqualTo(expected);
    assertThat(prism.exchanges()).isGreaterThanOrEqualTo(statuses.size());
    assertThat(prism.violations()).isEmpty();
  }

  private static String ctgovStudy(String nctId) {
    try {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var study =
          json.readTree(
              stack
                  .root()
                  .resolve("trial-service/src/test/resources/ctgov/NCT03418623.json")
                  .toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode)
              study.at("/protocolSection/identificationModule"))
          .put("nctId", nctId);
      return json.writeValueAsString(study);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static RequestSpecification api(String role) {
    RequestSpecification request = given().baseUri(prism.uri().toString());
    return role == null
        ? request
        : request.header("Authorization", Tokens.bearer(role, CONSORTIUM));
  }
}
