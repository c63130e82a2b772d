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
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Three relays at once, as three replicas would run, while several writers append: every event
 * arrives once and each aggregate's in append order.
 */
@QuarkusTest
class OutboxOrderingTest {

  private static final Logger LOG = Logger.getLogger(OutboxOrderingTest.class);
  private static final int EVENTS = 2_000;
  private static final int AGGREGATES = 40;
  private static final int WRITERS = 4;

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject ObjectMapper mapper;

  @Test
  void concurrentRelaysSendEachEventOnceAndEachAggregateInOrder() throws Exception {
    String topic = TestTopics.create("order");
    // What every relay sends from here on is this test's, so their counts tell who did the work.
    await().atMost(Duration.ofSeconds(30)).until(() -> OutboxRows.pending() == 0);
    long byApplicationBefore = relay.relayed();
    List<RelayWorker> replicas =
        List.of(relay.newWorker("outbox-relay-test-2"), relay.newWorker("outbox-relay-test-3"));
    replicas.forEach(RelayWorker::start);
    Queue<UUID> appended = new ConcurrentLinkedQueue<>();
    List<ConsumerRecord<String, byte[]>> records;
    try {
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          done.add(writers.submit(() -> append(topic, writer, appended)));
        }
        for (Future<?> writer : done) {
          writer.get();
        }
      } finally {
        writers.shutdownNow();
      }
      try (var reader = new TopicReader(topic)) {
        records = reader.read(EVENTS, Duration.ofSeconds(60));
      }
    } finally {
      replicas.forEach(r -> r.stop(Duration.ofSeconds(10)));
    }

    assertEquals(EVENTS, appended.size());
    assertEquals(EVENTS, records.size(), "records on " + topic);
    OrderedSteps.assertEachOnceInAppendOrder(records, appended, mapper);
    List<Long> relayedBy =
        List.of(
            relay.relayed() - byApplicationBefore,
            replicas.get(0).relayed(),
            replicas.get(1).relayed());
    LOG.infof("Events relayed by each of the three relays: %s", relayedBy);
    assertEquals(EVENTS, relayedBy.stream().mapToLong(Long::longValue).sum(), "sent once in all");
    assertTrue(
        relayedBy.stream().filter(n -> n > 0).count() >= 2,
        "the relays shared the work, so shards changed hands: " + relayedBy);
  }

  /**
   * Writer {@code w} owns the aggregates whose index is w modulo the writer count, so that each
   * aggregate's append order is well defined (services serialise an aggregate's changes the same
   * way, by its row). Transactions of one to five events, some touching two aggregates.
   */
  private void append(String topic, int writer, Queue<UUID> appended) {
    Random random = new Random(writer);
    List<String> owned = new ArrayList<>();
    for (int a = writer; a < AGGREGATES; a += WRITERS) {
      owned.add("PSB-2026-%06d".formatted(a));
    }
    int[] next = new int[owned.size()];
    int remaining = EVENTS / WRITERS;
    while (remaining > 0) {
      int size = Math.min(remaining, 1 + random.nextInt(5));
      List<OutboxEvent> events = new ArrayList<>();
      int first = random.nextInt(owned.size());
      int second = random.nextInt(owned.size());
      for (int i = 0; i < size; i++) {
        int a = i % 2 == 0 ? first : second;
        events.add(OrderedSteps.event(topic, owned.get(a), next[a]++));
      }
      appended.addAll(QuarkusTransaction.requiringNew().call(() -> outbox.appendAll(events)));
      remaining -= size;
    }
  }
}
