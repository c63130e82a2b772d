package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.testsupport.events.EventSchemas.dataViolations;
import static org.psybiome.testsupport.events.EventSchemas.envelopeViolations;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What trial-service really publishes matches the schemas documented in docs/events. */
@QuarkusTest
class EventSchemaTest {

  @Test
  void everyEventTypeMatchesItsSchema() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(trial.id(), "SCH-0001", "Placebo").then().statusCode(201);
    var body =
        DemoTrials.load(DemoTrials.PROBIOTIC)
            .put("targetSampleSize", 250)
            .put("changeReason", "power");
    String etag =
        TrialApi.update(trial.id(), trial.etag(), body)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    etag = TrialApi.moveTo(trial.id(), etag, "ACTIVE_NOT_RECRUITING");
    TrialApi.as("registrant")
        .contentType(io.restassured.http.ContentType.JSON)
        .body(java.util.Map.of("reason", "serious adverse event"))
        .post("/api/v1/trials/" + trial.id() + "/participants/SCH-0001/unblinding")
        .then()
        .statusCode(200);
    TrialApi.as("registrant")
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            java.util.Map.of(
                "status",
                "DISCONTINUED_INTERVENTION",
                "effectiveDate",
                java.time.LocalDate.now().toString(),
                "reason",
                "nausea"))
        .post("/api/v1/trials/" + trial.id() + "/participants/SCH-0001/status")
        .then()
        .statusCode(200);
    TrialApi.unblind("statistician", TrialApi.CONSORTIUM, trial.id(), etag, "final analysis")
        .then()
        .statusCode(200);

    try (var probe = new TrialEventsProbe("psybiome.trial.events", "psybiome.trial.allocations")) {
      var events = probe.await(trial.id(), 7, Duration.ofSeconds(30));
      assertThat(events)
          .extracting(TrialEventsProbe.Event::type)
          .containsExactlyInAnyOrder(
              "org.psybiome.trial.registered.v1",
              "org.psybiome.trial.participant-enrolled.v1",
              "org.psybiome.trial.participant-unblinded.v1",
              "org.psybiome.trial.participant-status-changed.v1",
              "org.psybiome.trial.updated.v1",
              "org.psybiome.trial.status-changed.v1",
              "org.psybiome.trial.unblinded.v1");
      for (var event : events) {
        assertThat(envelopeViolations(event.envelope())).as(event.type()).isEmpty();
        JsonNode data = event.data();
        assertThat(dataViolations(event.type(), data)).as(event.type() + ": " + data).isEmpty();
      }
    }
  }

  @Test
  void aCrossoverRecordAndItsSequenceAllocationMatchTheirSchemas() {
    var record =
        CrossoverTrialTest.crossover(
            r -> {
              r.withObject("/design").put("allocation", "NON_RANDOMIZED");
              r.withObject("/design").putObject("masking").put("level", "NONE");
            });
    var draft = TrialApi.createDraft(record);
    TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");
    TrialApi.as("registrant")
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            java.util.Map.of(
                "code",
                "SEQ-1",
                "sequence",
                "AB",
                "enrolledOn",
                java.time.LocalDate.now().toString()))
        .post("/api/v1/trials/" + draft.id() + "/participants")
        .then()
        .statusCode(201);
    try (var probe = new TrialEventsProbe("psybiome.trial.events", "psybiome.trial.allocations")) {
      var events = probe.await(draft.id(), 2, Duration.ofSeconds(30));
      assertThat(events)
          .extracting(TrialEventsProbe.Event::type)
          .containsExactlyInAnyOrder(
              "org.psybiome.trial.registered.v1", "org.psybiome.trial.sequence-allocated.v1");
      for (var event : events) {
        assertThat(envelopeViolations(event.envelope())).isEmpty();
        assertThat(dataViolations(event.type(), event.data()))
            .as(event.data().toString())
            .isEmpty();
      }
      // the record carries the periods, sequences and the visits' periods the consumers need
      var trial = events.stream().filter(e -> e.type().endsWith("registered.v1")).findFirst();
      assertThat(
              trial.orElseThrow().data().at("/trial/design/crossover/sequences/0/arms/1").asText())
          .isEqualTo("PLACEBO");
      assertThat(trial.orElseThrow().data().at("/trial/schedule/visits/2/period").asText())
          .isEqualTo("P2");
    }
  }
}
