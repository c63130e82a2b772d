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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialKnowledge;
import org.psybiome.testsupport.TestKafka;

/** Each stored batch announces itself once on psybiome.biomarker.events: counts, never rows. */
@QuarkusTest
class BatchIngestedEventTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialKnowledge knowledge;

  @Test
  void oneEventPerBatchWithCountsOnly() throws Exception {
    String trial = ResultsApi.knownTrial(knowledge);
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

    List<ConsumerRecord<String, String>> events = eventsOf(trial, Duration.ofSeconds(20));
    assertThat(events).hasSize(1);
    ConsumerRecord<String, String> record = events.get(0);
    assertThat(record.key()).isEqualTo(trial);
    JsonNode event = JSON.readTree(record.value());
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

  /** Reads the topic from the start until the trial's first event, then a few seconds more. */
  private static List<ConsumerRecord<String, String>> eventsOf(String trial, Duration wait) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestKafka.get().bootstrapServers(),
                "group.id",
                "batch-ingested-test-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of("psybiome.biomarker.events"));
      Instant deadline = Instant.now().plus(wait);
      Instant settle = null;
      while (Instant.now().isBefore(settle == null ? deadline : settle)) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (trial.equals(record.key())) {
            found.add(record);
          }
        }
        if (settle == null && !found.isEmpty()) {
          settle = Instant.now().plusSeconds(3);
        }
      }
    }
    return found;
  }
}
