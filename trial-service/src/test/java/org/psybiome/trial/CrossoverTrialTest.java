package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Crossover and N-of-1 designs: periods, washouts and treatment sequences in the record, visits
 * bound to periods, the registry allocating sequences (never shown to who may not see arms), the
 * allocation event saying which arm each period gives, and the CONSORT flow per sequence.
 */
@QuarkusTest
class CrossoverTrialTest {

  /** The masked probiotic demo as a two-period AB/BA crossover with a 14-day washout. */
  static ObjectNode crossover(Consumer<ObjectNode> change) {
    ObjectNode record = DemoTrials.load(DemoTrials.PROBIOTIC);
    record.withObject("/design").put("interventionModel", "CROSSOVER");
    ObjectNode crossover = record.withObject("/design").putObject("crossover");
    ArrayNode periods = crossover.putArray("periods");
    periods.addObject().put("code", "P1").put("label", "Period 1");
    periods.addObject().put("code", "P2").put("label", "Period 2").put("washoutDaysBefore", 14);
    ArrayNode sequences = crossover.putArray("sequences");
    sequences.addObject().put("code", "AB").putArray("arms").add("PROBIOTIC").add("PLACEBO");
    sequences.addObject().put("code", "BA").putArray("arms").add("PLACEBO").add("PROBIOTIC");
    // W0 baseline outside the periods, W4 ends P1, W8 ends P2
    ArrayNode visits = (ArrayNode) record.at("/schedule/visits");
    ((ObjectNode) visits.get(1)).put("period", "P1");
    ((ObjectNode) visits.get(2)).put("period", "P2");
    change.accept(record);
    return record;
  }

  private static ObjectNode randomised(ObjectNode record) {
    ObjectNode randomisation = record.withObject("/design").putObject("randomisation");
    randomisation.put("method", "PERMUTED_BLOCKS");
    randomisation.putArray("blockSizeMultipliers").add(1).add(2);
    return record;
  }

  private static io.restassured.response.Response enrol(
      String id, String code, String field, String value) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("enrolledOn", LocalDate.now().toString());
    if (field != null) {
      body.put(field, value);
    }
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/trials/" + id + "/participants");
  }

  @Test
  void theRegistryAllocatesSequencesAndTellsEachPeriodsArmOnlyOnTheAllocationsTopic() {
    var draft = TrialApi.createDraft(randomised(crossover(r -> {})));
    TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");
    // the record keeps periods, washout, sequences and the visits' periods
    as("reader")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .body("design.crossover.periods[1].washoutDaysBefore", equalTo(14))
        .body("design.crossover.sequences[1].arms", equalTo(List.of("PLACEBO", "PROBIOTIC")))
        .body("schedule.visits[2].period", equalTo("P2"));
    try (var probe = new TrialEventsProbe("psybiome.trial.allocations", "psybiome.trial.events")) {
      for (int i = 1; i <= 8; i++) {
        enrol(draft.id(), "X-" + i, null, null)
            .then()
            .statusCode(201)
            .body("allocation", equalTo("RANDOMISED"))
            .body("sequence", nullValue())
            .body("arm", nullValue())
            .body("armCode", nullValue());
      }
      Map<String, String> sequences = new HashMap<>();
      as("statistician")
          .queryParam("pageSize", 50)
          .get("/api/v1/trials/" + draft.id() + "/participants")
          .jsonPath()
          .getList("items", Map.class)
          .forEach(p -> sequences.put((String) p.get("code"), (String) p.get("sequence")));
      assertThat(sequences).hasSize(8);
      assertThat(sequences.values()).containsOnly("AB", "BA");
      long ab = sequences.values().stream().filter("AB"::equals).count();
      // blocks of 2 or 4 at 1:1: after 8 allocations the groups differ by at most 2
      assertThat(Math.abs(ab - (8 - ab))).isLessThanOrEqualTo(2);
      // the blinded statistician and the registrant see no sequence
      for (String role : List.of("blinded-statistician", "registrant")) {
        as(role)
            .queryParam("pageSize", 50)
            .get("/api/v1/trials/" + draft.id() + "/participants")
            .then()
            .statusCode(200)
            .body("items.sequence", org.hamcrest.Matchers.everyItem(nullValue()));
      }
      var allocations =
          probe.await(
              e ->
                  draft.id().equals(e.key())
                      && e.type().equals("org.psybiome.trial.sequence-allocated.v1"),
              8,
              Duration.ofSeconds(20));
      assertThat(allocations)
          .hasSize(8)
          .allMatch(e -> e.topic().equals("psybiome.trial.allocations"));
      for (var event : allocations) {
        String sequence = sequences.get(event.data().get("code").asText());
        assertThat(event.data().get("sequenceCode").asText()).isEqualTo(sequence);
        var periods = event.data().get("periods");
        assertThat(periods.get(0).get("period").asText()).isEqualTo("P1");
        assertThat(periods.get(1).get("period").asText()).isEqualTo("P2");
        assertThat(periods.get(0).get("armCode").asText())
            .isEqualTo(sequence.equals("AB") ? "PROBIOTIC" : "PLACEBO");
        assertThat(periods.get(1).get("armCode").asText())
            .isEqualTo(sequence.equals("AB") ? "PLACEBO" : "PROBIOTIC");
      }
      // nothing about sequences or enrolment arms on the public topic
      assertThat(
              probe.await(draft.id(), 1, Duration.ofMillis(500)).stream()
                  .filter(e -> e.topic().equals("psybiome.trial.events"))
                  .map(TrialEventsProbe.Event::type))
          .doesNotContain(
              "org.psybiome.trial.sequence-allocated.v1",
              "org.psybiome.trial.participant-enrolled.v1");
      // the CONSORT flow counts per sequence for the unblinded statistician, pooled otherwise
      as("statistician")
          .get("/api/v1/trials/" + draft.id() + "/consort")
          .then()
          .statusCode(200)
          .body("blinded", equalTo(false))
          .body("arms.armCode", equalTo(List.of("AB", "BA")))
          .body("arms[0].label", equalTo("AB: Probiotic → Placebo"))
          .body("arms[0].counts.allocated", equalTo((int) ab))
          .body("pooled.allocated", equalTo(8));
      as("blinded-statistician")
          .get("/api/v1/trials/" + draft.id() + "/consort")
          .then()
          .statusCode(200)
          .body("blinded", equalTo(true))
          .body("arms", equalTo(List.of()))
          .body("pooled.allocated", equalTo(8));
    }
  }

  @Test
  void sequencesWithParticipantsCannotChangeAndArmsAreNotNamedInACrossover() {
    // not randomised: the registrant names the sequence (an N-of-1 series in a fixed order)
    var draft =
        TrialApi.createDraft(
            crossover(
                r -> {
                  r.withObject("/design").put("interventionModel", "N_OF_1");
                  r.withObject("/design").put("allocation", "NON_RANDOMIZED");
                  r.withObject("/design").putObject("masking").put("level", "NONE");
                }));
    String etag = TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");
    enrol(draft.id(), "N-1", "sequence", "BA")
        .then()
        .statusCode(201)
        .body("sequence", equalTo("BA"))
        .body("armCode", nullValue());
    enrol(draft.id(), "N-2", "arm", "PROBIOTIC")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("arm"));
    enrol(draft.id(), "N-3", "sequence", "CC")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("sequence"));
    enrol(draft.id(), "N-4", null, null)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("sequence"));
    // swapping BA's treatments would change what N-1 received
    ObjectNode swapped =
        crossover(
            r -> {
              r.withObject("/design").put("interventionModel", "N_OF_1");
              r.withObject("/design").put("allocation", "NON_RANDOMIZED");
              r.withObject("/design").putObject("masking").put("level", "NONE");
              ArrayNode ba = (ArrayNode) r.at("/design/crossover/sequences/1/arms");
              ba.removeAll().add("PROBIOTIC").add("PROBIOTIC");
            });
    TrialApi.update(draft.id(), etag, withReason(swapped))
        .then()
        .statusCode(409)
        .body("violations.field", hasItem("design.crossover"));
    // a parallel trial has no sequences
    var parallel = TrialApi.recruiting(DemoTrials.DIET);
    enrol(parallel.id(), "S-1", "sequence", "AB")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("sequence"));
  }

  private static ObjectNode withReason(ObjectNode record) {
    record.put("changeReason", "test: crossover change");
    return record;
  }

  @Test
  void periodsSequencesVisitsAndTheComparatorMustFitTogether() {
    ObjectNode bad =
        crossover(
            r -> {
              ((ArrayNode) r.at("/design/crossover/sequences/0/arms")).add("PLACEBO");
              ((ArrayNode) r.at("/design/crossover/sequences/1/arms")).set(0, "SHAM");
              ((ObjectNode) r.at("/schedule/visits/2")).put("period", "P9");
              r.withObject("/design").put("comparatorArm", "NONE");
            });
    as("registrant")
        .contentType(ContentType.JSON)
        .body(bad)
        .post("/api/v1/trials")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            org.hamcrest.Matchers.hasItems(
                "design.crossover.sequences[0].arms",
                "design.crossover.sequences[1].arms[0]",
                "schedule.visits[2].period",
                "design.comparatorArm"));
    // a crossover block on a parallel design, and a randomised crossover without sequences
    ObjectNode parallel =
        crossover(r -> r.withObject("/design").put("interventionModel", "PARALLEL"));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(parallel)
        .post("/api/v1/trials")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("design.crossover"));
    ObjectNode noSequences = randomised(crossover(r -> {}));
    noSequences.withObject("/design").remove("crossover");
    ((ObjectNode) noSequences.at("/schedule/visits/1")).remove("period");
    ((ObjectNode) noSequences.at("/schedule/visits/2")).remove("period");
    as("registrant")
        .contentType(ContentType.JSON)
        .body(noSequences)
        .post("/api/v1/trials")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("design.crossover"));
    // a declared comparator that exists is kept
    ObjectNode good = crossover(r -> r.withObject("/design").put("comparatorArm", "PLACEBO"));
    var created = TrialApi.createDraft(good);
    as("registrant")
        .get("/api/v1/trials/" + created.id())
        .then()
        .body("design.comparatorArm", equalTo("PLACEBO"));
  }
}
