package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.testsupport.events.EventSchemas.dataViolations;
import static org.psybiome.testsupport.events.EventSchemas.envelopeViolations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.TestTokens;

/**
 * Decision 25: an operator republishes every registered trial and its participants through the
 * outbox, once each, on the internal allocations topic only; drafts stay private.
 */
@QuarkusTest
class RepublishTest {

  private static final String EVENTS = "psybiome.trial.events";
  private static final String ALLOCATIONS = "psybiome.trial.allocations";
  private static final String SNAPSHOT = "org.psybiome.trial.snapshot.v1";
  private static final String PARTICIPANT_SNAPSHOT = "org.psybiome.trial.participant-snapshot.v1";

  @Test
  void everyRegisteredTrialAndParticipantIsRepublishedOnceOnTheAllocationsTopic() {
    var parallel = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(parallel.id(), "REP-0001", "Placebo").then().statusCode(201);
    TrialApi.enrol(parallel.id(), "REP-0002", "Probiotic").then().statusCode(201);
    var record =
        CrossoverTrialTest.crossover(
            r -> {
              r.withObject("/design").put("allocation", "NON_RANDOMIZED");
              r.withObject("/design").putObject("masking").put("level", "NONE");
            });
    var crossover = TrialApi.createDraft(record);
    TrialApi.moveTo(crossover.id(), crossover.etag(), "RECRUITING");
    TrialApi.as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", "REP-X1", "sequence", "BA", "enrolledOn", LocalDate.now().toString()))
        .post("/api/v1/trials/" + crossover.id() + "/participants")
        .then()
        .statusCode(201);
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.PROBIOTIC));
    int parallelVersion =
        TrialApi.as("reader").get("/api/v1/trials/" + parallel.id()).path("version");

    int trials =
        given()
            .auth()
            .oauth2(TestTokens.token("operator", null))
            .post("/internal/v1/republish")
            .then()
            .statusCode(200)
            .extract()
            .path("trials");
    // every registered trial of the database (other tests' too), never the draft
    assertThat(trials).isGreaterThanOrEqualTo(2);

    Set<String> ours = Set.of(parallel.id(), crossover.id(), draft.id());
    try (var probe = new TrialEventsProbe(EVENTS, ALLOCATIONS)) {
      // 2 trial snapshots and 3 participant snapshots expected; waiting for one more shows none
      // was written twice (the relay sends a shard's events in order, within a second or so).
      var snapshots =
          probe.await(
              e -> ours.contains(e.key()) && e.type().contains("snapshot"),
              6,
              Duration.ofSeconds(15));
      assertThat(snapshots).hasSize(5);
      assertThat(snapshots).allSatisfy(e -> assertThat(e.topic()).isEqualTo(ALLOCATIONS));
      assertThat(snapshots).noneSatisfy(e -> assertThat(e.key()).isEqualTo(draft.id()));
      for (var event : snapshots) {
        assertThat(envelopeViolations(event.envelope())).as(event.type()).isEmpty();
        assertThat(dataViolations(event.type(), event.data()))
            .as(event.type() + ": " + event.data())
            .isEmpty();
      }
      var parallelSnapshot =
          snapshots.stream()
              .filter(e -> e.type().equals(SNAPSHOT) && e.key().equals(parallel.id()))
              .toList();
      assertThat(parallelSnapshot).hasSize(1);
      assertThat(parallelSnapshot.get(0).data().path("version").asInt()).isEqualTo(parallelVersion);
      assertThat(parallelSnapshot.get(0).data().at("/trial/id").asText()).isEqualTo(parallel.id());
      assertThat(
              snapshots.stream()
                  .filter(e -> e.type().equals(PARTICIPANT_SNAPSHOT))
                  .map(e -> e.data().path("code").asText() + "=" + armOf(e.data())))
          .containsExactlyInAnyOrder(
              "REP-0001=PLACEBO", "REP-0002=PROBIOTIC", "REP-X1=BA:P1>PLACEBO,P2>PROBIOTIC");
      // the trial's snapshot comes before its participants' on its partition
      var ofParallel = snapshots.stream().filter(e -> e.key().equals(parallel.id())).toList();
      assertThat(ofParallel.get(0).type()).isEqualTo(SNAPSHOT);
      // nothing about the republication reaches the public topic
      assertThat(
              probe.await(
                  e -> e.topic().equals(EVENTS) && e.type().contains("snapshot"), 1, Duration.ZERO))
          .isEmpty();
    }
  }

  @Test
  void onlyAnOperatorMayRepublishAndTheOperationIsNotInTheApiDocument() {
    given().post("/internal/v1/republish").then().statusCode(401);
    for (String role : List.of("registrant", "statistician", "curator", "reader")) {
      TrialApi.as(role).post("/internal/v1/republish").then().statusCode(403);
    }
    String document = given().get("/q/openapi?format=json").asString();
    assertThat(document).doesNotContain("/internal");
  }

  private static String armOf(com.fasterxml.jackson.databind.JsonNode data) {
    if (data.hasNonNull("sequenceCode")) {
      StringBuilder periods = new StringBuilder(data.path("sequenceCode").asText() + ":");
      for (var p : data.path("periods")) {
        periods
            .append(periods.toString().endsWith(":") ? "" : ",")
            .append(p.path("period").asText())
            .append(">")
            .append(p.path("armCode").asText());
      }
      return periods.toString();
    }
    return data.path("armCode").asText();
  }
}
