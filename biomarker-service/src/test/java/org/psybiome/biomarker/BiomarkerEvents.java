package org.psybiome.biomarker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psybiome.testsupport.TestKafka;

/** Reads what biomarker-service really published on psybiome.biomarker.events. */
final class BiomarkerEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BiomarkerEvents() {}

  /**
   * The envelopes of a trial's events that match {@code filter}, read from the start of the topic
   * until {@code expected} are found, then two seconds more (to catch a duplicate), or the wait
   * ends.
   */
  static List<JsonNode> of(String trial, Predicate<JsonNode> filter, int expected, Duration wait)
      throws Exception {
    List<JsonNode> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                TestKafka.get().bootstrapServers(),
                "group.id",
                "biomarker-events-test-" + UUID.randomUUID(),
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
            JsonNode event = JSON.readTree(record.value());
            if (filter.test(event)) {
              found.add(event);
            }
          }
        }
        if (settle == null && found.size() >= expected) {
          settle = Instant.now().plusSeconds(2);
        }
      }
    }
    return found;
  }

  static Predicate<JsonNode> ofType(String type) {
    return event -> type.equals(event.path("type").asText());
  }
}
