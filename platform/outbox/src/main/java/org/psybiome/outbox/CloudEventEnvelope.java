package org.psybiome.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Wraps an event in a CloudEvents 1.0 envelope, structured-mode JSON, with the CloudEvents SDK. */
final class CloudEventEnvelope {

  static final String DATA_CONTENT_TYPE = "application/json";

  private static final EventFormat STRUCTURED_JSON =
      EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  private final ObjectMapper objectMapper;
  private final URI source;
  private final Clock clock;

  CloudEventEnvelope(ObjectMapper objectMapper, String source, Clock clock) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("psybiome.outbox.source must not be blank");
    }
    // CloudEvents requires a URI-reference; fail at startup, not per event
    this.source = URI.create(source);
    this.objectMapper = objectMapper;
    this.clock = clock;
  }

  String toJson(UUID id, OutboxEvent event) {
    var envelope =
        CloudEventBuilder.v1()
            .withId(id.toString())
            .withSource(source)
            .withType(event.type())
            .withSubject(event.aggregateId())
            .withTime(
                OffsetDateTime.ofInstant(
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
            .withDataContentType(DATA_CONTENT_TYPE)
            // The application's ObjectMapper serialises the data (its modules, its settings).
            .withData(JsonCloudEventData.wrap(dataAsJson(event)))
            .build();
    return new String(STRUCTURED_JSON.serialize(envelope), StandardCharsets.UTF_8);
  }

  private JsonNode dataAsJson(OutboxEvent event) {
    try {
      return objectMapper.valueToTree(event.data());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot serialise the data of " + event.type() + " as JSON: " + e.getMessage(), e);
    }
  }
}
