package org.psybiome.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Wraps an event in a CloudEvents 1.0 envelope, structured-mode JSON. */
final class CloudEventEnvelope {

  static final String SPEC_VERSION = "1.0";
  static final String DATA_CONTENT_TYPE = "application/json";

  /** The attribute names are the JSON names; Jackson writes record components in this order. */
  record CloudEvent(
      String specversion,
      UUID id,
      String source,
      String type,
      String subject,
      String time,
      String datacontenttype,
      Object data) {}

  private final ObjectMapper objectMapper;
  private final String source;
  private final Clock clock;

  CloudEventEnvelope(ObjectMapper objectMapper, String source, Clock clock) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("psybiome.outbox.source must not be blank");
    }
    URI.create(source); // CloudEvents requires a URI-reference; fail at startup, not per event
    this.objectMapper = objectMapper;
    this.source = source;
    this.clock = clock;
  }

  String toJson(UUID id, OutboxEvent event) {
    var envelope =
        new CloudEvent(
            SPEC_VERSION,
            id,
            source,
            event.type(),
            event.aggregateId(),
            DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)),
            DATA_CONTENT_TYPE,
            event.data());
    try {
      return objectMapper.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Cannot serialise the data of " + event.type() + " as JSON: " + e.getOriginalMessage(),
          e);
    }
  }
}
