package org.psybiome.outbox;

import java.util.Objects;

/**
 * A fact other services must learn of, to be written to the outbox in the transaction that made it
 * true.
 *
 * @param topic the Kafka topic, e.g. {@code psybiome.trial.events}
 * @param aggregateId what the event is about, e.g. the trial id {@code PSB-2026-000042}: the Kafka
 *     key (so one aggregate's events share a partition and stay in order) and the CloudEvents
 *     {@code subject}
 * @param type the CloudEvents type, e.g. {@code org.psybiome.trial.registered.v1}
 * @param data the event's content, serialised with the application's Jackson {@code ObjectMapper}
 */
public record OutboxEvent(String topic, String aggregateId, String type, Object data) {

  public OutboxEvent {
    requireText(topic, "topic");
    requireText(aggregateId, "aggregateId");
    requireText(type, "type");
    Objects.requireNonNull(data, "data must not be null (an event without content has {} data)");
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
