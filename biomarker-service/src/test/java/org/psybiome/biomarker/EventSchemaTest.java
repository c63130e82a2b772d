package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
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

  private static final JsonSchemaFactory SCHEMAS =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers ->
                      mappers.mapPrefix(
                          "https://psybiome.org/schemas/events/", "classpath:schemas/events/")));

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  @Inject TrialSnapshots snapshots;

  private static JsonSchema schema(String file) {
    return SCHEMAS.getSchema(
        SchemaLocation.of("https://psybiome.org/schemas/events/" + file), CONFIG);
  }

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
    JsonSchema envelope = schema("cloudevent.schema.json");
    for (JsonNode event : events) {
      String type = event.path("type").asText();
      assertThat(envelope.validate(event)).as(type).isEmpty();
      JsonNode data = event.path("data");
      String file = type.replace("org.psybiome.", "") + ".schema.json";
      assertThat(schema(file).validate(data)).as(type + ": " + data).isEmpty();
    }
  }
}
