package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The record's analysis plan (end-of-treatment visit, pre-registered subgroups by a baseline value)
 * and its results-sharing consent (API 1.1): kept, published in the trial's events, and checked
 * against the schedule and the randomisation's factors.
 */
@QuarkusTest
class AnalysisPlanTest {

  /** The FMT demo (visits W0, W4, W12; stratified by the factor CRP) with a plan. */
  private static ObjectNode planned() {
    ObjectNode record = DemoTrials.load(DemoTrials.FMT);
    ObjectNode plan = record.putObject("analysisPlan");
    plan.put("endOfTreatmentVisit", "W12");
    ArrayNode subgroups = plan.putArray("subgroups");
    ObjectNode crp = subgroups.addObject();
    crp.put("code", "CRP3").put("label", "Baseline hs-CRP below 3 mg/L or at least 3 mg/L");
    crp.putObject("measure").put("kind", "ANALYTE").put("code", "HSCRP");
    crp.putArray("cutoffs").add(3);
    crp.put("stratificationFactor", "CRP");
    ObjectNode shannon = subgroups.addObject();
    shannon.put("code", "SHANNON3");
    shannon.putObject("measure").put("kind", "ANALYTE").put("code", "SHANNON_GENUS");
    shannon.put("quantiles", 3);
    record.putObject("resultsSharing").put("aggregateResults", true);
    return record;
  }

  @Test
  void thePlanAndTheConsentAreKeptAndPublished() {
    try (var probe = new TrialEventsProbe("psybiome.trial.events")) {
      var draft = TrialApi.createDraft(planned());
      TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING"); // registered: now published
      as("registrant")
          .get("/api/v1/trials/" + draft.id())
          .then()
          .statusCode(200)
          .body("analysisPlan.endOfTreatmentVisit", equalTo("W12"))
          .body("analysisPlan.subgroups.code", equalTo(List.of("CRP3", "SHANNON3")))
          .body("analysisPlan.subgroups[0].cutoffs", equalTo(List.of(3)))
          .body("analysisPlan.subgroups[0].stratificationFactor", equalTo("CRP"))
          .body("analysisPlan.subgroups[1].quantiles", equalTo(3))
          .body("resultsSharing.aggregateResults", equalTo(true));
      JsonNode data =
          probe
              .await(
                  e ->
                      e.key().equals(draft.id())
                          && e.type().equals("org.psybiome.trial.registered.v1"),
                  1,
                  Duration.ofSeconds(30))
              .get(0)
              .data();
      assertThat(data.at("/trial/analysisPlan/endOfTreatmentVisit").asText()).isEqualTo("W12");
      assertThat(data.at("/trial/analysisPlan/subgroups/0/measure/code").asText())
          .isEqualTo("HSCRP");
      assertThat(data.at("/trial/analysisPlan/subgroups/1/quantiles").asInt()).isEqualTo(3);
      assertThat(data.at("/trial/resultsSharing/aggregateResults").asBoolean()).isTrue();
    }
  }

  @Test
  void aRecordWithoutThemSharesNothing() {
    var draft = TrialApi.createDraft(DemoTrials.load(DemoTrials.FMT));
    as("registrant")
        .get("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(200)
        .body("analysisPlan", org.hamcrest.Matchers.nullValue())
        .body("resultsSharing", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void thePlanMustFitTheScheduleAndTheRandomisation() {
    ObjectNode bad = planned();
    ObjectNode plan = (ObjectNode) bad.get("analysisPlan");
    plan.put("endOfTreatmentVisit", "W99");
    ArrayNode subgroups = (ArrayNode) plan.get("subgroups");
    ObjectNode crp = (ObjectNode) subgroups.get(0);
    crp.putArray("cutoffs").add(5).add(3); // descending
    crp.put("stratificationFactor", "SITE"); // the trial has only CRP
    ObjectNode shannon = (ObjectNode) subgroups.get(1);
    shannon.put("code", "CRP3"); // repeated
    shannon.putArray("cutoffs").add(2.5); // and quantiles too
    ObjectNode neither = subgroups.addObject();
    neither.put("code", "CORT");
    neither.putObject("measure").put("kind", "ANALYTE").put("code", "CORTISOL_AM");
    as("registrant")
        .contentType(ContentType.JSON)
        .body(bad)
        .post("/api/v1/trials")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            hasItems(
                "analysisPlan.endOfTreatmentVisit",
                "analysisPlan.subgroups[0].cutoffs",
                "analysisPlan.subgroups[0].stratificationFactor",
                "analysisPlan.subgroups[1].code",
                "analysisPlan.subgroups[1]",
                "analysisPlan.subgroups[2]"));
    // beyond quintiles a subgroup is too thin to estimate anything: a bean constraint
    ObjectNode tooMany = planned();
    ((ObjectNode) tooMany.at("/analysisPlan/subgroups/1")).put("quantiles", 6);
    as("registrant")
        .contentType(ContentType.JSON)
        .body(tooMany)
        .post("/api/v1/trials")
        .then()
        .statusCode(400)
        .body("violations.field", hasItems("analysisPlan.subgroups[1].quantiles"));
  }
}
