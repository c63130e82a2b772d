package org.psybiome.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What a service sees: events of committed transactions reach Kafka as CloudEvents, others not. */
@QuarkusTest
class OutboxPublishingTest {

  record Registered(String trialId, String title, List<String> arms) {}

  private static final String TRIAL = "PSB-2026-000042";
  private static final String REGISTERED = "org.psybiome.trial.registered.v1";

  @Inject Outbox outbox;
  @Inject ObjectMapper mapper;
  @Inject MeterRegistry registry;

  @Test
  void committedEventArrivesKeyedByAggregateAsACloudEvent() throws Exception {
    String topic = TestTopics.create("committed");
    var data = new Registered(TRIAL, "Lactobacillus rhamnosus adjunct to SSRI", List.of("A", "B"));
    Instant before = Instant.now();

    UUID id =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.append(new OutboxEvent(topic, TRIAL, REGISTERED, data)));

    List<ConsumerRecord<String, byte[]>> records;
    try (var reader = new TopicReader(topic)) {
      records = reader.read(1, Duration.ofSeconds(30));
    }
    assertEquals(1, records.size(), "one record on " + topic);
    var record = records.get(0);
    assertEquals(TRIAL, record.key());
    assertEquals(
        "application/cloudevents+json",
        new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    JsonNode event = mapper.readTree(record.value());
    assertEquals(
        Set.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"),
        Set.copyOf(fieldNames(event)));
    assertEquals("1.0", event.get("specversion").asText());
    assertEquals(id.toString(), event.get("id").asText());
    assertEquals("/psybiome/outbox-test", event.get("source").asText());
    assertEquals(REGISTERED, event.get("type").asText());
    assertEquals(TRIAL, event.get("subject").asText());
    assertEquals("application/json", event.get("datacontenttype").asText());
    OffsetDateTime time = OffsetDateTime.parse(event.get("time").asText());
    assertEquals(ZoneOffset.UTC, time.getOffset());
    assertTrue(
        !time.toInstant().isBefore(before.minusMillis(1))
            && !time.toInstant().isAfter(Instant.now()),
        "time " + time + " is when it was appended");
    assertEquals(data, mapper.treeToValue(event.get("data"), Registered.class));

    await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRows.withId(id) == 0);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> {
              Counter relayed = registry.find(RelayMetrics.RELAYED).tag("topic", topic).counter();
              return relayed != null && relayed.count() == 1;
            });
  }

  @Test
  void rolledBackTransactionPublishesNothing() throws Exception {
    String topic = TestTopics.create("rollback");
    QuarkusTransaction.begin();
    UUID rolledBack = outbox.append(new OutboxEvent(topic, TRIAL, REGISTERED, "ghost"));
    QuarkusTransaction.rollback();
    // Same aggregate, so same partition: had the first been published, it would come first.
    UUID committed =
        QuarkusTransaction.requiringNew()
            .call(() -> outbox.append(new OutboxEvent(topic, TRIAL, REGISTERED, "real")));

    List<ConsumerRecord<String, byte[]>> records;
    try (var reader = new TopicReader(topic)) {
      records = reader.read(1, Duration.ofSeconds(30));
    }
    assertEquals(1, records.size(), "only the committed event on " + topic);
    assertEquals(committed.toString(), mapper.readTree(records.get(0).value()).get("id").asText());
    assertEquals(0, OutboxRows.withId(rolledBack));
  }

  @Test
  void appendOutsideATransactionIsRefused() {
    var event = new OutboxEvent("outbox-test.never", TRIAL, REGISTERED, "x");
    var refused = assertThrows(IllegalStateException.class, () -> outbox.append(event));
    assertTrue(refused.getMessage().contains("transaction"), refused.getMessage());
  }

  @Test
  void oversizedEventIsRefusedAtAppendNotStuckInTheRelay() {
    String huge = "x".repeat(Outbox.MAX_PAYLOAD_BYTES);
    var event = new OutboxEvent("outbox-test.never", TRIAL, REGISTERED, huge);
    assertThrows(
        IllegalArgumentException.class,
        () -> QuarkusTransaction.requiringNew().run(() -> outbox.append(event)));
  }

  @Test
  void configuredTopicsAreCreatedWithTheConfiguredPartitions() {
    try (Admin admin = Admin.create(TestTopics.kafka())) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertEquals(
                      3,
                      admin
                          .describeTopics(List.of("outbox-test.provisioned"))
                          .allTopicNames()
                          .get()
                          .get("outbox-test.provisioned")
                          .partitions()
                          .size()));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
