package org.psybiome.biomarker.service.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;

/**
 * A CloudEvents envelope from trial-service (docs/events.md), read as a tree so that fields
 * trial-service adds later do not break this consumer.
 */
record TrialEvent(UUID id, String type, String subject, JsonNode data) {

  static TrialEvent parse(ObjectMapper json, String value) {
    JsonNode envelope;
    try {
      envelope = value == null ? null : json.readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
    }
    if (envelope == null || !envelope.isObject()) {
      throw new MalformedEventException("not a CloudEvents envelope");
    }
    UUID id;
    try {
      id = UUID.fromString(Fields.text(envelope, "id"));
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("id is not a UUID");
    }
    JsonNode data = envelope.path("data");
    if (!data.isObject()) {
      throw new MalformedEventException("event " + id + " has no data object");
    }
    return new TrialEvent(
        id, Fields.text(envelope, "type"), envelope.path("subject").asText(null), data);
  }
}
