package org.psybiome.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The relay's meters: what it relayed, how long events waited, how often Kafka failed it. */
final class RelayMetrics {

  static final String RELAYED = "psybiome.outbox.relayed";
  static final String LAG = "psybiome.outbox.lag";
  static final String FAILURES = "psybiome.outbox.relay.failures";

  private final MeterRegistry registry;
  private final Timer lag;
  private final Counter failures;

  RelayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lag =
        Timer.builder(LAG)
            .description("Time from an event's append to Kafka's acknowledgement of it")
            .publishPercentileHistogram()
            .register(registry);
    this.failures =
        Counter.builder(FAILURES)
            .description("Relay attempts rolled back because Kafka or the database failed")
            .register(registry);
  }

  void relayed(List<PendingEvent> events, Instant acknowledgedAt) {
    Map<String, Long> perTopic =
        events.stream().collect(Collectors.groupingBy(PendingEvent::topic, Collectors.counting()));
    perTopic.forEach(
        (topic, count) ->
            Counter.builder(RELAYED)
                .description("Events relayed from the outbox to Kafka")
                .tag("topic", topic)
                .register(registry)
                .increment(count));
    for (PendingEvent event : events) {
      lag.record(Duration.between(event.createdAt(), acknowledgedAt));
    }
  }

  void failed() {
    failures.increment();
  }
}
