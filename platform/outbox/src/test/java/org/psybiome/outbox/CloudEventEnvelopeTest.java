package org.psybiome.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The envelope and the event's own checks, without an application. */
class CloudEventEnvelopeTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T09:30:15.123456Z"), ZoneOffset.UTC);

  @Test
  void envelopeIsStructuredModeCloudEventsJson() {
    var envelope = new CloudEventEnvelope(new ObjectMapper(), "/psybiome/trial-service", CLOCK);
    UUID id = UUID.fromString("5f0c6c1e-8a43-4d0e-9a53-2f1f0b6f7d11");
    var event =
        new OutboxEvent(
            "psybiome.trial.events",
            "PSB-2026-000042",
            "org.psybiome.trial.registered.v1",
            Map.of("title", "Synbiotic \"adjunct\""));

    // Member order is the SDK's (JSON objects are unordered; the values are what matter).
    assertEquals(
        "{\"specversion\":\"1.0\",\"id\":\"5f0c6c1e-8a43-4d0e-9a53-2f1f0b6f7d11\","
            + "\"source\":\"/psybiome/trial-service\",\"type\":\"org.psybiome.trial.registered.v1\","
            + "\"datacontenttype\":\"application/json\","
            + "\"subject\":\"PSB-2026-000042\",\"time\":\"2026-03-01T09:30:15.123Z\","
            + "\"data\":{\"title\":\"Synbiotic \\\"adjunct\\\"\"}}",
        envelope.toJson(id, event));
  }

  @Test
  void sourceMustBeAUriReference() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CloudEventEnvelope(new ObjectMapper(), "not a uri", CLOCK));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CloudEventEnvelope(new ObjectMapper(), " ", CLOCK));
  }

  @Test
  void eventNeedsTopicAggregateTypeAndData() {
    assertThrows(IllegalArgumentException.class, () -> new OutboxEvent(" ", "a", "t", "d"));
    assertThrows(IllegalArgumentException.class, () -> new OutboxEvent("x", "", "t", "d"));
    assertThrows(IllegalArgumentException.class, () -> new OutboxEvent("x", "a", null, "d"));
    assertThrows(NullPointerException.class, () -> new OutboxEvent("x", "a", "t", null));
  }

  @Test
  void anAggregateAlwaysMapsToTheSameShardInRange() {
    // String.hashCode is fixed by the JLS: this value holds in every JVM and every replica.
    assertEquals(11, Shards.of("PSB-2026-000042", 16)); // its hashCode is negative: -1981508741
    for (int i = 0; i < 1000; i++) {
      int shard = Shards.of("PSB-2026-" + i, 16);
      assertEquals(true, shard >= 0 && shard < 16, "shard " + shard);
    }
  }
}
