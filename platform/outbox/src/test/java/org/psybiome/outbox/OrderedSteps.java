package org.psybiome.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Events whose data numbers them per aggregate (0, 1, 2, ... in append order), and the check that a
 * topic carries each exactly once and every aggregate's in that order.
 */
final class OrderedSteps {

  /** The data of a numbered event. */
  record Step(String aggregate, int n) {}

  static final String TYPE = "org.psybiome.test.step.v1";

  private OrderedSteps() {}

  static OutboxEvent event(String topic, String aggregate, int n) {
    return new OutboxEvent(topic, aggregate, TYPE, new Step(aggregate, n));
  }

  static void assertEachOnceInAppendOrder(
      List<ConsumerRecord<String, byte[]>> records,
      Collection<UUID> appended,
      ObjectMapper mapper) {
    Set<UUID> seen = new HashSet<>();
    Map<String, Integer> nextStep = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      JsonNode event = parse(record.value(), mapper);
      UUID id = UUID.fromString(event.path("id").asText());
      if (!seen.add(id)) {
        fail("event " + id + " arrived twice");
      }
      String aggregate = event.path("data").path("aggregate").asText();
      assertEquals(aggregate, record.key(), "key is the aggregate id");
      assertEquals(aggregate, event.path("subject").asText(), "subject is the aggregate id");
      int expected = nextStep.getOrDefault(aggregate, 0);
      int n = event.path("data").path("n").asInt();
      if (n != expected) {
        fail(aggregate + ": step " + n + " arrived where step " + expected + " was due");
      }
      nextStep.put(aggregate, n + 1);
    }
    assertEquals(Set.copyOf(appended), seen, "every appended event arrived");
  }

  private static JsonNode parse(byte[] value, ObjectMapper mapper) {
    try {
      return mapper.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
