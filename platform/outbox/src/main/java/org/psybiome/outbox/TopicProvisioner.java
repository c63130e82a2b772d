package org.psybiome.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the service's topics with the partitions it wants, before the first event could make the
 * broker create one with its defaults. Tried until it succeeds, on the relay's thread, so a service
 * starts while Kafka is down.
 */
final class TopicProvisioner {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> adminSettings;
  private final List<String> topics;
  private final int partitions;
  private final short replicationFactor;
  private volatile boolean created;

  TopicProvisioner(
      Map<String, Object> kafkaConfig,
      List<String> topics,
      int partitions,
      short replicationFactor) {
    this.adminSettings = new HashMap<>(kafkaConfig);
    adminSettings.remove("group.id");
    int timeout = Math.toIntExact(TIMEOUT.toMillis());
    adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
    adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    this.topics = List.copyOf(topics);
    this.partitions = partitions;
    this.replicationFactor = replicationFactor;
    this.created = this.topics.isEmpty();
  }

  static TopicProvisioner of(Map<String, Object> kafkaConfig, OutboxConfig config) {
    return new TopicProvisioner(
        kafkaConfig,
        config.topics().orElse(List.of()),
        config.topicPartitions(),
        config.topicReplicationFactor());
  }

  /** Creates the topics that do not exist yet; returns at once after the first success. */
  void ensureCreated() throws KafkaUnavailableException, InterruptedException {
    if (created) {
      return;
    }
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try (Admin admin = Admin.create(adminSettings)) {
      var requests =
          topics.stream().map(t -> new NewTopic(t, partitions, replicationFactor)).toList();
      for (Map.Entry<String, KafkaFuture<Void>> result :
          admin.createTopics(requests).values().entrySet()) {
        try {
          result.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new KafkaUnavailableException(
                "Cannot create topic " + result.getKey(),
                Optional.ofNullable(e.getCause()).orElse(e));
          }
        } catch (TimeoutException e) {
          throw new KafkaUnavailableException(
              "Kafka did not answer within " + TIMEOUT + " when creating " + result.getKey(), null);
        }
      }
    } catch (RuntimeException e) {
      throw new KafkaUnavailableException("Cannot create topics " + topics, e);
    }
    created = true;
  }
}
