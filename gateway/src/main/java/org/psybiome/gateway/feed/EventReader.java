package org.psybiome.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns a Kafka record into a feed event: its CloudEvents type and subject (the trial), its
 * audience and, for consortium-only events, the trial's owner. A record that is not a CloudEvent
 * still becomes an event (shown to no one), so that every connection's position passes it.
 */
@ApplicationScoped
class EventReader {

  private static final String REGISTERED = "org.psybiome.trial.registered.v1";
  private static final String UPDATED = "org.psybiome.trial.updated.v1";

  private final ObjectMapper json;
  private final TrialOwners owners;

  EventReader(ObjectMapper json, TrialOwners owners) {
    this.json = json;
    this.owners = owners;
  }

  FeedEvent read(ConsumerRecord<String, String> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    JsonNode event;
    try {
      event = record.value() == null ? null : json.readTree(record.value());
    } catch (Exception e) {
      event = null;
    }
    if (event == null || !event.isObject() || !event.path("type").isTextual()) {
      Log.warnf("Not a CloudEvent at %s offset %d; not shown", partition, record.offset());
      return new FeedEvent(
          partition, record.offset(), "", record.key(), Audience.NEVER, null, "{}");
    }
    String type = event.path("type").asText();
    String trialId = event.path("subject").asText(record.key());
    Audience audience = Audience.of(type);
    if (REGISTERED.equals(type) || UPDATED.equals(type)) {
      owners.learn(trialId, event.path("data").path("trial").path("consortium").asText(null));
    }
    String owner = audience == Audience.CONSORTIUM ? owners.ownerOf(trialId).orElse(null) : null;
    // one line: an SSE data field ends at a line break
    String compact = record.value().indexOf('\n') < 0 ? record.value() : event.toString();
    return new FeedEvent(partition, record.offset(), type, trialId, audience, owner, compact);
  }
}
