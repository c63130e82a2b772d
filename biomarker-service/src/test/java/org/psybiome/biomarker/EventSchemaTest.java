package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;
import static org.psybiome.testsupport.events.EventSchemas.dataViolations;
import static org.psybiome.testsupport.events.EventSchemas.envelopeViolations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** What biomarker-service really publishes matches the schemas documented in docs/events. */
@QuarkusTest
class EventSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;

  @Test
  void everyEventTypeMatchesItsSchema() throws Exception {
    String trial = ResultsApi.registeredTrial(snapshots);
    List<Map<String, Object>> rows =
        List.of(
            row("MG-0001", "W0", "V-1", "IL6"),
            with(row("MG-0002", "W0", "V-2", "IL6"), "value", 0.5, "comparator", "<"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    long id =
        as("reader", ResultsApi.CONSORTIUM)
            .queryParam("participant", "MG-0002")
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    as("pipeline", ResultsApi.CONSORTIUM)
        .contentType("application/json")
        .body(Map.of("value", "1.5", "unit", "pg/mL", "reason", "re-assayed above the LOQ"))
        .post("/api/v1/trials/" + trial + "/results/" + id + "/corrections")
        .then()
        .statusCode(201);

    List<JsonNode> events = BiomarkerEvents.of(trial, e -> true, 2, Duration.ofSeconds(30));
    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .containsExactlyInAnyOrder(
            "org.psybiome.biomarker.batch-ingested.v1",
            "org.psybiome.biomarker.result-corrected.v1");
    for (JsonNode event : events) {
      String type = event.path("type").asText();
      assertThat(envelopeViolations(event)).as(type).isEmpty();
      JsonNode data = event.path("data");
      assertThat(dataViolations(type, data)).as(type + ": " + data).isEmpty();
    }
  }
}
