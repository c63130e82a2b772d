package org.psybiome.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, in each partition's order, as a consumer would. */
final class TopicReader implements AutoCloseable {

  /** After the expected count, how long to keep reading for events that should not be there. */
  private static final Duration QUIET = Duration.ofMillis(750);

  private final KafkaConsumer<String, byte[]> consumer;

  TopicReader(String topic) {
    var settings = new HashMap<String, Object>(TestTopics.kafka());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Every record until {@code expected} have come (or the timeout), and any that follow soon. */
  List<ConsumerRecord<String, byte[]>> read(int expected, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (records.size() < expected && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    long quietUntil = System.nanoTime() + QUIET.toNanos();
    while (System.nanoTime() < quietUntil) {
      consumer.poll(Duration.ofMillis(100)).forEach(records::add);
    }
    return records;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
