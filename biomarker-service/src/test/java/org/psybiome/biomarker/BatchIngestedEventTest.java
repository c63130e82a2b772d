package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** Each stored batch announces itself once on psybiome.biomarker.events: counts, never rows. */
@QuarkusTest
class BatchIngestedEventTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;

  @Test
  void oneEventPerBatchWithCountsOnly() throws Exception {
    String trial = ResultsApi.registeredTrial(snapshots);
    String key = UUID.randomUUID().toString();
    String body =
        JSON.writeValueAsString(
            List.of(
                row("MG-0001", "W0", "E-1", "IL6"),
                with(row("MG-0002", "W8", "E-2", "IL6"), "value", 0.5, "comparator", "<")));
    String batchId =
        post(trial, "application/json", body, key).then().statusCode(201).extract().path("id");
    // the replay and a refused batch publish nothing
    post(trial, "application/json", body, key).then().statusCode(201);
    post(trial, "application/json", "[{\"participant\": \"MG-0001\"}]", null)
        .then()
        .statusCode(422);

    // read by key = trial id, as consumers partition them
    List<JsonNode> events = BiomarkerEvents.of(trial, any -> true, 1, Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    JsonNode event = events.get(0);
    assertThat(event.path("specversion").asText()).isEqualTo("1.0");
    assertThat(event.path("type").asText()).isEqualTo("org.psybiome.biomarker.batch-ingested.v1");
    assertThat(event.path("subject").asText()).isEqualTo(trial);
    assertThat(event.path("source").asText()).isEqualTo("/psybiome/biomarker-service");
    JsonNode data = event.path("data");
    assertThat(data.path("batchId").asText()).isEqualTo(batchId);
    assertThat(data.path("trialId").asText()).isEqualTo(trial);
    assertThat(data.path("rows").asInt()).isEqualTo(2);
    assertThat(data.path("censored").asInt()).isEqualTo(1);
    assertThat(JSON.convertValue(data.path("analytes"), List.class)).containsExactly("IL6");
    assertThat(JSON.convertValue(data.path("visits"), List.class)).containsExactly("W0", "W8");
    assertThat(data.has("participant") || data.toString().contains("MG-0001")).isFalse();
  }
}
