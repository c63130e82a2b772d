package org.psybiome.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.LocalKafkaBroker;
import org.psybiome.testsupport.TestKafka;

/** Writes go on while Kafka is down; their events go out, in order, once it is back. */
@QuarkusTest
class KafkaOutageTest {

  private static final int EVENTS = 500;
  private static final int AGGREGATES = 10;
  private static final int PER_TRANSACTION = 5;

  @Inject Outbox outbox;
  @Inject ObjectMapper mapper;

  @Test
  void eventsAppendedWhileKafkaIsDownArriveOnceAndInOrderWhenItIsBack() throws Exception {
    LocalKafkaBroker broker =
        TestKafka.get()
            .localBroker()
            .orElseThrow(
                () -> new AssertionError("this test stops the broker process the run started"));
    String topic = TestTopics.create("outage");
    RelayLog log = RelayLog.attach();
    List<UUID> appended = new ArrayList<>();
    try {
      broker.stop();

      long started = System.nanoTime();
      int[] next = new int[AGGREGATES];
      for (int t = 0; t < EVENTS / PER_TRANSACTION; t++) {
        int a = t % AGGREGATES;
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < PER_TRANSACTION; i++) {
          events.add(OrderedSteps.event(topic, "PSB-2026-%06d".formatted(a), next[a]++));
        }
        appended.addAll(QuarkusTransaction.requiringNew().call(() -> outbox.appendAll(events)));
      }
      Duration appending = Duration.ofNanos(System.nanoTime() - started);
      assertTrue(
          appending.compareTo(Duration.ofSeconds(10)) < 0,
          "appends do not wait for Kafka: " + appending);
      assertEquals(EVENTS, OutboxRows.pending(topic), "all held in the outbox while Kafka is down");
      await()
          .atMost(Duration.ofSeconds(30))
          .alias("relay warns once it fails")
          .until(() -> log.count(Level.WARNING, "Outbox relay outbox-relay paused") >= 1);
    } finally {
      broker.start();
    }

    List<ConsumerRecord<String, byte[]>> records;
    try (var reader = new TopicReader(topic)) {
      records = reader.read(EVENTS, Duration.ofSeconds(60));
    }
    assertEquals(EVENTS, records.size(), "records on " + topic);
    OrderedSteps.assertEachOnceInAppendOrder(records, appended, mapper);
    await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.pending(topic) == 0);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log.count(Level.INFO, "Outbox relay outbox-relay caught up") >= 1);
    log.detach();
    assertEquals(
        1,
        log.count(Level.WARNING, "Outbox relay outbox-relay paused"),
        "one warning for the outage");
  }

  /** What the relays log. */
  static final class RelayLog extends Handler {

    // The root logger: Quarkus hands the records to its handlers already formatted.
    private static final Logger LOGGER = Logger.getLogger("");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    static RelayLog attach() {
      RelayLog log = new RelayLog();
      LOGGER.addHandler(log);
      return log;
    }

    void detach() {
      LOGGER.removeHandler(this);
    }

    /** Records of the application's relay at {@code level} whose message has {@code text}. */
    long count(Level level, String text) {
      return records.stream()
          .filter(r -> RelayWorker.class.getName().equals(r.getLoggerName()))
          .filter(r -> r.getLevel().intValue() == level.intValue())
          .filter(r -> r.getMessage() != null && r.getMessage().contains(text))
          .count();
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
