package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.psybiome.trial.TrialApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Register → recruit → enrol → complete through the HTTP API, with the events each step emits. */
@QuarkusTest
class TrialRegistryFlowTest {

  @Test
  void aTrialGoesFromDraftToCompletedAndTellsKafkaEachStepInOrder() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.PROBIOTIC));
    assertThat(draft.id()).matches("PSB-\\d{4}-\\d{6}");
    assertThat(draft.etag()).isEqualTo("\"1\"");

    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("DRAFT"))
        .body("registeredOn", nullValue())
        .body("primaryRegistry", equalTo("Psybiome"))
        .body("consortium", equalTo("MINDGUT"))
        .body("acronym", equalTo("PROBIO-DEP"))
        .body("interventions[0].strains[0].designation", equalTo("R0052"))
        .body("interventions[2].adjunct", equalTo(true));

    String etag =
        TrialApi.changeStatus(draft.id(), draft.etag(), "RECRUITING", null)
            .then()
            .statusCode(200)
            .body("status", equalTo("RECRUITING"))
            .body("registeredOn", equalTo(LocalDate.now().toString()))
            .body("statusHistory", hasSize(1))
            .extract()
            .header("ETag");
    assertThat(etag).isEqualTo("\"2\"");

    TrialApi.enrol(draft.id(), "MG-0001", "Probiotic").then().statusCode(201);
    TrialApi.enrol(draft.id(), "MG-0002", "Placebo").then().statusCode(201);

    etag = TrialApi.moveTo(draft.id(), etag, "ACTIVE_NOT_RECRUITING");
    etag = TrialApi.moveTo(draft.id(), etag, "COMPLETED");

    given()
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("actualEnrolment", equalTo(2))
        .body("version", equalTo(4))
        .body(
            "statusHistory.status",
            equalTo(List.of("RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED")));

    try (var probe = new TrialEventsProbe("psybiome.trial.events", "psybiome.trial.allocations")) {
      var all = probe.await(draft.id(), 5, Duration.ofSeconds(30));
      // order is kept per trial within a topic; the two topics are read independently
      var events = all.stream().filter(e -> e.topic().equals("psybiome.trial.events")).toList();
      var allocations =
          all.stream().filter(e -> e.topic().equals("psybiome.trial.allocations")).toList();
      assertThat(events)
          .extracting(TrialEventsProbe.Event::type)
          .containsExactly(
              "org.psybiome.trial.registered.v1",
              "org.psybiome.trial.status-changed.v1",
              "org.psybiome.trial.status-changed.v1");
      assertThat(allocations)
          .extracting(e -> e.data().path("code").asText())
          .containsExactly("MG-0001", "MG-0002");
      var registered = events.get(0).envelope();
      assertThat(registered.path("specversion").asText()).isEqualTo("1.0");
      assertThat(registered.path("subject").asText()).isEqualTo(draft.id());
      assertThat(registered.path("source").asText()).isEqualTo("/psybiome/trial-service");
      assertThat(registered.path("data").path("trial").path("status").asText())
          .isEqualTo("RECRUITING");
      assertThat(registered.path("data").path("trial").path("schedule").path("visits")).hasSize(3);
      assertThat(allocations.get(0).type()).isEqualTo("org.psybiome.trial.participant-enrolled.v1");
      assertThat(allocations.get(0).data().path("arm").asText()).isEqualTo("Probiotic");
      assertThat(events.get(2).data().path("to").asText()).isEqualTo("COMPLETED");
      assertThat(events.get(2).data().path("version").asInt()).isEqualTo(4);
      assertThat(all.stream().map(TrialEventsProbe.Event::id).distinct()).hasSize(5);
    }
  }

  @Test
  void draftChangesAreVersionedButNotPublished() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.DIET));
    var body = DemoTrials.load(DemoTrials.DIET);
    body.put("targetSampleSize", 180);
    TrialApi.update(draft.id(), draft.etag(), body)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("targetSampleSize", equalTo(180));
    String etag = TrialApi.moveTo(draft.id(), "\"2\"", "NOT_YET_RECRUITING");
    try (var probe = new TrialEventsProbe("psybiome.trial.events")) {
      var events = probe.await(draft.id(), 1, Duration.ofSeconds(20));
      assertThat(events)
          .extracting(TrialEventsProbe.Event::type)
          .containsExactly("org.psybiome.trial.registered.v1");
    }
    assertThat(etag).isEqualTo("\"3\"");
  }

  @Test
  void registeredTrialChangesNeedAReasonAndAreEventsWithTheirVersion() {
    var trial = TrialApi.recruiting(DemoTrials.FMT);
    var body = DemoTrials.load(DemoTrials.FMT);
    body.put("targetSampleSize", 120);
    TrialApi.update(trial.id(), trial.etag(), body)
        .then()
        .statusCode(400)
        // the violation names the body's property, as the API document does
        .body("violations[0].field", equalTo("changeReason"));
    body.put("changeReason", "Sample size re-estimated after interim blinded review");
    TrialApi.update(trial.id(), trial.etag(), body)
        .then()
        .statusCode(200)
        .body("version", equalTo(3));
    try (var probe = new TrialEventsProbe("psybiome.trial.events")) {
      var events = probe.await(trial.id(), 2, Duration.ofSeconds(20));
      assertThat(events.get(1).type()).isEqualTo("org.psybiome.trial.updated.v1");
      assertThat(events.get(1).data().path("version").asInt()).isEqualTo(3);
      assertThat(events.get(1).data().path("trial").path("targetSampleSize").asInt())
          .isEqualTo(120);
    }
  }

  @Test
  void createdResponseCarriesLocationAndEtag() {
    as("registrant")
        .contentType(ContentType.JSON)
        .body(DemoTrials.load(DemoTrials.DIET))
        .post("/api/v1/trials")
        .then()
        .statusCode(201)
        .header("Location", matchesPattern(".*/api/v1/trials/PSB-\\d{4}-\\d{6}"))
        .header("ETag", "\"1\"")
        .body("createdAt", notNullValue());
  }

  @Test
  void unblindingIsForTheTrialsStatisticiansAndIrreversible() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(trial.id(), "MG-1001", "Probiotic").then().statusCode(201);
    // registrants do not see the allocation of a blinded trial; statisticians do
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(200)
        .body("items[0].arm", nullValue());
    as("statistician")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .body("items[0].arm", equalTo("Probiotic"));
    TrialApi.unblind("registrant", TrialApi.CONSORTIUM, trial.id(), trial.etag(), "final analysis")
        .then()
        .statusCode(403);
    TrialApi.unblind(
            "statistician", TrialApi.OTHER_CONSORTIUM, trial.id(), trial.etag(), "final analysis")
        .then()
        .statusCode(403);
    String etag =
        TrialApi.unblind(
                "statistician",
                TrialApi.CONSORTIUM,
                trial.id(),
                trial.etag(),
                "Database locked; final analysis")
            .then()
            .statusCode(200)
            .body("blinded", equalTo(false))
            .body("unblindedAt", notNullValue())
            .extract()
            .header("ETag");
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .body("items[0].arm", equalTo("Probiotic"));
    TrialApi.unblind("statistician", TrialApi.CONSORTIUM, trial.id(), etag, "again")
        .then()
        .statusCode(409);
    try (var probe = new TrialEventsProbe("psybiome.trial.events")) {
      var events = probe.await(trial.id(), 2, Duration.ofSeconds(20));
      assertThat(events.get(1).type()).isEqualTo("org.psybiome.trial.unblinded.v1");
    }
  }

  @Test
  void openLabelTrialsShowAllocationsAndCannotBeUnblinded() {
    var trial = TrialApi.recruiting(DemoTrials.DIET);
    TrialApi.enrol(trial.id(), "MG-2001", "Usual diet").then().statusCode(201);
    as("reader")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(200)
        .body("items[0].arm", equalTo("Usual diet"))
        .body("total", equalTo(1));
    TrialApi.unblind("statistician", TrialApi.CONSORTIUM, trial.id(), trial.etag(), "x")
        .then()
        .statusCode(409);
  }
}
