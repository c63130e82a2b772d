package org.psybiome.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends a batch of stored events to Kafka and waits until every one is acknowledged. */
final class KafkaSender implements AutoCloseable {

  static final String CONTENT_TYPE_HEADER = "content-type";
  static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
  private static final byte[] CLOUDEVENTS_JSON_BYTES =
      CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8);

  /** How long send() may wait for a topic's metadata while Kafka is down, per attempt. */
  private static final Duration MAX_BLOCK = Duration.ofSeconds(5);

  /** Beyond delivery.timeout.ms, by which the producer promises to complete every send. */
  private static final Duration ACK_MARGIN = Duration.ofSeconds(5);

  private final Map<String, Object> settings;
  private final Duration sendTimeout;
  private volatile Producer<String, byte[]> producer;
  private volatile boolean closed;

  KafkaSender(Map<String, Object> kafkaConfig, Duration sendTimeout, String clientId) {
    if (sendTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "psybiome.outbox.relay.send-timeout must be at least 1s, not " + sendTimeout);
    }
    this.sendTimeout = sendTimeout;
    this.settings = producerSettings(kafkaConfig, sendTimeout, clientId);
  }

  static Map<String, Object> producerSettings(
      Map<String, Object> kafkaConfig, Duration sendTimeout, String clientId) {
    Map<String, Object> settings = new HashMap<>(kafkaConfig);
    settings.remove("group.id"); // a consumer setting the application's Kafka config carries
    int deliveryTimeout = Math.toIntExact(sendTimeout.toMillis());
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Up to 5 in flight keeps order per partition with an idempotent producer.
    settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
    // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
    settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, deliveryTimeout / 2);
    settings.put(
        ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(deliveryTimeout, MAX_BLOCK.toMillis()));
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return settings;
  }

  /**
   * Sends the events in order (key = aggregate id, value = the stored JSON unchanged) and returns
   * once Kafka has acknowledged all of them.
   *
   * @throws KafkaUnavailableException if any was refused or not acknowledged in time; the producer
   *     is then discarded so that nothing of this attempt is sent later
   */
  void sendAll(List<PendingEvent> events) throws KafkaUnavailableException, InterruptedException {
    Producer<String, byte[]> current = producer();
    long deadline = System.nanoTime() + sendTimeout.plus(ACK_MARGIN).toNanos();
    AtomicReference<Exception> refused = new AtomicReference<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
    try {
      for (PendingEvent event : events) {
        if (refused.get() != null) {
          break; // Kafka refused an earlier one; no point queueing more behind it
        }
        var record =
            new ProducerRecord<>(
                event.topic(),
                event.aggregateId(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON_BYTES);
        acks.add(
            current.send(
                record,
                (metadata, exception) -> {
                  if (exception != null) {
                    refused.compareAndSet(null, exception);
                  }
                }));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      discard(current);
      throw new KafkaUnavailableException("Kafka did not take the events", e.getCause());
    } catch (TimeoutException e) {
      discard(current);
      throw new KafkaUnavailableException(
          "Kafka did not acknowledge the events within " + sendTimeout.plus(ACK_MARGIN), null);
    } catch (RuntimeException e) {
      discard(current);
      throw new KafkaUnavailableException("Kafka did not take the events", e);
    } catch (InterruptedException e) {
      discard(current);
      throw e;
    }
  }

  private synchronized Producer<String, byte[]> producer() {
    if (closed) {
      throw new IllegalStateException("The outbox relay is stopping");
    }
    if (producer == null) {
      producer = new KafkaProducer<>(settings);
    }
    return producer;
  }

  private synchronized void discard(Producer<String, byte[]> failed) {
    if (producer == failed) {
      producer = null;
    }
    failed.close(Duration.ZERO);
  }

  /** Fails whatever is being sent now, at once; for stopping. */
  synchronized void abort() {
    closed = true;
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }
}
