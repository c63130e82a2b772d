package org.psybiome.systemtests.matrix;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;

/**
 * Who sees an arm, a treatment sequence and an allocation reference, for every role and own or
 * foreign consortium, while two masked randomised trials (a parallel one and an AB/BA crossover)
 * are blinded and after each is unblinded, through the gateway. The rule checked in every cell: a
 * participant's arm (or sequence), per-arm CONSORT counts, per-arm summaries and the arms in the
 * audit trail are shown exactly when the trial is unblinded, or the caller is the owning
 * consortium's (unblinded) statistician; allocation references to every consortium member who may
 * read participants; nothing of it to another consortium. The observed matrix is printed.
 */
@ExtendWith(StackExtension.class)
class AllocationVisibilityIT {

  private static final String OWN = "ALLOC-OWN";
  private static final String FOREIGN = "ALLOC-OTHER";
  private static final List<String> ROLES =
      List.of(
          "registrant", "pipeline", "statistician", "blinded-statistician", "curator", "reader");
  private static final Set<String> READ_PARTICIPANTS =
      Set.of("registrant", "statistician", "blinded-statistician", "pipeline", "reader");
  private static final Set<String> READ_CONSORT =
      Set.of("registrant", "statistician", "blinded-statistician", "reader");
  private static final Set<String> READ_SUMMARIES =
      Set.of("registrant", "statistician", "blinded-statistician", "pipeline", "reader");
  private static final Map<String, String> observed = new LinkedHashMap<>();

  private static PsybiomeStack stack;

  private static ObjectNode randomised(PsybiomeStack stack) {
    ObjectNode record = Trials.record(stack.root());
    ObjectNode randomisation = record.withObject("/design").putObject("randomisation");
    randomisation.put("method", "PERMUTED_BLOCKS");
    randomisation.putArray("blockSizeMultipliers").add(1).add(2);
    return record;
  }

  private static ObjectNode crossover(PsybiomeStack stack) {
    ObjectNode record = randomised(stack);
    record.withObject("/design").put("interventionModel", "CROSSOVER");
    ObjectNode crossover = record.withObject("/design").putObject("crossover");
    ArrayNode periods = crossover.putArray("periods");
    periods.addObject().put("code", "P1");
    periods.addObject().put("code", "P2").put("washoutDaysBefore", 14);
    ArrayNode sequences = crossover.putArray("sequences");
    sequences.addObject().put("code", "AB").putArray("arms").add("PROBIOTIC").add("PLACEBO");
    sequences.addObject().put("code", "BA").putArray("arms").add("PLACEBO").add("PROBIOTIC");
    ArrayNode visits = (ArrayNode) record.at("/schedule/visits");
    ((ObjectNode) visits.get(1)).put("period", "P1");
    ((ObjectNode) visits.get(2)).put("period", "P2");
    return record;
  }

  private static io.restassured.specification.RequestSpecification caller(
      String role, String consortium) {
    return given()
        .baseUri(stack.gatewayUri().toString())
        .header("Authorization", Tokens.bearer(role, consortium));
  }

  /** A recruiting trial with {@code n} participants the registry allocated; returns its id. */
  private static String recruitingWith(ObjectNode record, int n) {
    Response created =
        caller("registrant", OWN)
            .contentType("application/json")
            .body(record.toString())
            .post("/api/v1/trials");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    caller("registrant", OWN)
        .header("If-Match", created.header("ETag"))
        .contentType("application/json")
        .body("{\"status\":\"RECRUITING\",\"effectiveDate\":\"" + LocalDate.now() + "\"}")
        .post("/api/v1/trials/" + id + "/status")
        .then()
        .statusCode(200);
    for (int i = 1; i <= n; i++) {
      Response enrolled =
          caller("registrant", OWN)
              .contentType("application/json")
              .body(
                  "{\"code\":\"AV-"
                      + id.substring(id.length() - 6)
                      + "-"
                      + i
                      + "\",\"enrolledOn\":\""
                      + LocalDate.now()
                      + "\"}")
              .post("/api/v1/trials/" + id + "/participants");
      assertThat(enrolled.statusCode()).as(enrolled.asString()).isEqualTo(201);
      // the enrolling registrant gets the kit number, never the arm or sequence
      assertThat(enrolled.jsonPath().getString("allocationReference")).isNotBlank();
      assertThat(enrolled.jsonPath().getString("armCode")).isNull();
      assertThat(enrolled.jsonPath().getString("sequence")).isNull();
    }
    return id;
  }

  private static void unblind(String id) {
    String etag =
        given().baseUri(stack.gatewayUri().toString()).get("/api/v1/trials/" + id).header("ETag");
    caller("statistician", OWN)
        .header("If-Match", etag)
        .contentType("application/json")
        .body("{\"reason\":\"final analysis\"}")
        .post("/api/v1/trials/" + id + "/unblinding")
        .then()
        .statusCode(200);
  }

  private static boolean seesArms(String role, boolean own, boolean unblinded) {
    return unblinded || (own && role.equals("statistician"));
  }

  @Test
  void armsSequencesAndReferencesAreShownExactlyToWhoMaySeeThem(PsybiomeStack running) {
    stack = running;
    String parallel = recruitingWith(randomised(stack), 4);
    String crossover = recruitingWith(crossover(stack), 4);
    new Trials(stack.gatewayUri())
        .awaitKnownToBiomarker(
            new Trials.TestTrial(
                parallel,
                null,
                OWN,
                List.of(
                    new Trials.Participant(
                        "AV-" + parallel.substring(parallel.length() - 6) + "-4", null))));
    List<String> wrong = new ArrayList<>();
    for (boolean unblinded : List.of(false, true)) {
      if (unblinded) {
        unblind(parallel);
        unblind(crossover);
      }
      for (String role : ROLES) {
        for (boolean own : List.of(true, false)) {
          check(parallel, crossover, role, own, unblinded, wrong);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(
      String parallel,
      String crossover,
      String role,
      boolean own,
      boolean unblinded,
      List<String> wrong) {
    String consortium = own ? OWN : FOREIGN;
    boolean arms = seesArms(role, own, unblinded);
    String cell = (unblinded ? "after " : "before ") + role + (own ? "+" : "-");
    StringBuilder row = new StringBuilder();

    // participants: arm, sequence and reference per participant
    for (String trial : List.of(parallel, crossover)) {
      Response participants =
          caller(role, consortium)
              .queryParam("pageSize", 50)
              .get("/api/v1/trials/" + trial + "/participants");
      int expected = !READ_PARTICIPANTS.contains(role) ? 403 : !own ? 404 : 200;
      expect(wrong, cell, "participants " + trial, expected, participants.statusCode());
      if (participants.statusCode() == 200) {
        String field = trial.equals(parallel) ? "armCode" : "sequence";
        for (JsonNode p : Trials.parse(participants.asString()).path("items")) {
          if (p.hasNonNull(field) != arms) {
            wrong.add(cell + ": " + field + " of " + p.path("code").asText() + " shown=" + !arms);
          }
          if (!p.hasNonNull("allocationReference")) {
            wrong.add(cell + ": no allocationReference for " + p.path("code").asText());
          }
        }
        row.append(" participants:").append(arms ? "arms" : "refs-only");
      }
    }
    // CONSORT: per-arm (per-sequence) counts
    for (String trial : List.of(parallel, crossover)) {
      Response consort = caller(role, consortium).get("/api/v1/trials/" + trial + "/consort");
      int expected = !READ_CONSORT.contains(role) ? 403 : !own ? 404 : 200;
      expect(wrong, cell, "consort " + trial, expected, consort.statusCode());
      if (consort.statusCode() == 200) {
        boolean perArm = !Trials.parse(consort.asString()).path("arms").isEmpty();
        if (perArm != arms) {
          wrong.add(cell + ": consort of " + trial + " per arm=" + perArm);
        }
      }
    }
    // per-arm summary of the parallel trial
    Response byArm =
        caller(role, consortium)
            .get("/api/v1/trials/" + parallel + "/summaries/IL6?visit=W0&by=arm");
    int expectedSummary = !READ_SUMMARIES.contains(role) ? 403 : !own ? 404 : arms ? 200 : 403;
    expect(wrong, cell, "summary by arm", expectedSummary, byArm.statusCode());
    row.append(" summaryByArm:").append(byArm.statusCode());
    // audit trail: enrolment entries with or without arms
    Response audit =
        caller(role, consortium)
            .queryParam("pageSize", 200)
            .get("/api/v1/trials/" + parallel + "/audit");
    if (audit.statusCode() == 200) {
      boolean armInAudit = audit.asString().contains("\"armCode\"");
      if (armInAudit != arms) {
        wrong.add(cell + ": arms in the audit trail shown=" + armInAudit);
      }
    }
    row.append(" audit:").append(audit.statusCode());
    synchronized (observed) {
      observed.put(cell, row.toString());
    }
  }

  private static void expect(
      List<String> wrong, String cell, String what, int expected, int actual) {
    if (expected != actual) {
      wrong.add(cell + ": " + what + " expected " + expected + ", got " + actual);
    }
  }

  @AfterAll
  static void printMatrix() {
    StringBuilder out =
        new StringBuilder("\nAllocation visibility (+ own, - foreign consortium)\n");
    observed.forEach((cell, row) -> out.append(String.format("%-32s%s%n", cell, row)));
    System.out.println(out);
  }
}
