package org.psybiome.systemtests.drills;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the allocations topic from the start, as an auditor would: what Kafka really holds. */
final class AllocationTopic {

  static final String TOPIC = "psybiome.trial.allocations";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Records for the given trials, and the distinct CloudEvents ids among them. */
  record Delivery(long records, Set<UUID> eventIds) {}

  private AllocationTopic() {}

  static Delivery read(String bootstrap, Collection<String> trialIds) throws Exception {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Set<String> wanted = new HashSet<>(trialIds);
    long records = 0;
    Set<UUID> ids = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (wanted.contains(record.key())) {
            records++;
            ids.add(UUID.fromString(JSON.readTree(record.value()).path("id").asText()));
          }
        }
      }
    }
    return new Delivery(records, ids);
  }
}
