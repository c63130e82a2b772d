package org.psybiome.gateway;

import io.vertx.core.json.JsonObject;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.psybiome.testsupport.TestKafka;

/** Publishes CloudEvents to the run's Kafka broker as the services' outbox relays do. */
final class TestEvents implements AutoCloseable {

  static final String TRIAL_TOPIC = "psybiome.trial.events";
  static final String BIOMARKER_TOPIC = "psybiome.biomarker.events";
  static final String ALLOCATION_TOPIC = "psybiome.trial.allocations";

  static final String REGISTERED = "org.psybiome.trial.registered.v1";
  static final String UPDATED = "org.psybiome.trial.updated.v1";
  static final String STATUS_CHANGED = "org.psybiome.trial.status-changed.v1";
  static final String UNBLINDED = "org.psybiome.trial.unblinded.v1";
  static final String ENROLLED = "org.psybiome.trial.participant-enrolled.v1";
  static final String BATCH_INGESTED = "org.psybiome.biomarker.batch-ingested.v1";

  private final KafkaProducer<String, String> producer;

  TestEvents() {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer = new KafkaProducer<>(settings);
  }

  static JsonObject cloudEvent(String type, String trialId, JsonObject data) {
    return new JsonObject()
        .put("specversion", "1.0")
        .put("id", UUID.randomUUID().toString())
        .put("source", "/psybiome/test")
        .put("type", type)
        .put("subject", trialId)
        .put("time", "2026-11-26T10:00:00Z")
        .put("datacontenttype", "application/json")
        .put("data", data);
  }

  static JsonObject registered(String trialId, String consortium) {
    return cloudEvent(
        REGISTERED,
        trialId,
        new JsonObject()
            .put("trial", new JsonObject().put("id", trialId).put("consortium", consortium)));
  }

  static JsonObject event(String type, String trialId) {
    return cloudEvent(type, trialId, new JsonObject().put("trialId", trialId));
  }

  /**
   * Publishes to partition 0, so that events of a test arrive in the order sent whatever their key:
   * a test can publish a marker after what must not be shown and know it came after.
   */
  JsonObject publish(String topic, JsonObject event) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, 0, event.getString("subject"), event.encode()))
        .get(10, TimeUnit.SECONDS);
    return event;
  }

  @Override
  public void close() {
    producer.close();
  }
}
