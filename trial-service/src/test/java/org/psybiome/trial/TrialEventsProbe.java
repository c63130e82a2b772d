package org.psybiome.trial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psybiome.testsupport.TestKafka;

/** Reads what trial-service really published to Kafka, from the beginning of a topic. */
public final class TrialEventsProbe implements AutoCloseable {

  public record Event(String topic, String key, JsonNode envelope) {
    public String type() {
      return envelope.path("type").asText();
    }

    public String id() {
      return envelope.path("id").asText();
    }

    public JsonNode data() {
      return envelope.path("data");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaConsumer<String, String> consumer;
  private final List<Event> seen = new ArrayList<>();

  public TrialEventsProbe(String... topics) {
    String bootstrap = TestKafka.get().bootstrapServers();
    consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "probe-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                false),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topics));
  }

  /** Waits until {@code count} events about {@code trialId} have arrived; returns them in order. */
  public List<Event> await(String trialId, int count, Duration timeout) {
    return await(e -> trialId.equals(e.key()), count, timeout);
  }

  public List<Event> await(Predicate<Event> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (seen.stream().filter(filter).count() >= count) {
        break;
      }
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        try {
          seen.add(new Event(record.topic(), record.key(), JSON.readTree(record.value())));
        } catch (Exception e) {
          throw new AssertionError("not JSON on " + record.topic() + ": " + record.value(), e);
        }
      }
    }
    return seen.stream().filter(filter).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
