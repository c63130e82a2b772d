package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What trial-service really publishes matches the schemas documented in docs/events. */
@QuarkusTest
class EventSchemaTest {

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

  private static JsonSchema schema(String file) {
    return SCHEMAS.getSchema(
        com.networknt.schema.SchemaLocation.of("https://psybiome.org/schemas/events/" + file),
        CONFIG);
  }

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
    TrialApi.unblind("statistician", TrialApi.CONSORTIUM, trial.id(), etag, "final analysis")
        .then()
        .statusCode(200);

    try (var probe = new TrialEventsProbe("psybiome.trial.events", "psybiome.trial.allocations")) {
      var events = probe.await(trial.id(), 5, Duration.ofSeconds(30));
      assertThat(events)
          .extracting(TrialEventsProbe.Event::type)
          .containsExactlyInAnyOrder(
              "org.psybiome.trial.registered.v1",
              "org.psybiome.trial.participant-enrolled.v1",
              "org.psybiome.trial.updated.v1",
              "org.psybiome.trial.status-changed.v1",
              "org.psybiome.trial.unblinded.v1");
      JsonSchema envelope = schema("cloudevent.schema.json");
      for (var event : events) {
        assertThat(envelope.validate(event.envelope())).as(event.type()).isEmpty();
        String type = event.type().replace("org.psybiome.", "");
        JsonNode data = event.data();
        assertThat(schema(type + ".schema.json").validate(data)).as(type + ": " + data).isEmpty();
      }
    }
  }
}
