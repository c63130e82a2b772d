package org.psybiome.gateway.feed;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * The one Kafka reader of the feed in this replica, on its own thread. It reads every partition of
 * the feed's topics (assigned, not in a consumer group: every replica reads everything, and nothing
 * is committed — a position lives in the clients' event ids), from the end at startup, and a
 * partition that appears later from its start. Events go into the shared {@link EventBuffer}.
 */
@ApplicationScoped
public class FeedConsumer {

  private static final Duration POLL = Duration.ofMillis(200);

  private final GatewayConfig.Events config;
  private final List<String> topics;
  private final String bootstrapServers;
  private final EventReader reader;
  private final EventBuffer buffer;

  private volatile boolean running;
  private KafkaConsumer<String, String> consumer;
  private Thread thread;

  FeedConsumer(
      GatewayConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      EventReader reader) {
    this.config = config.events();
    this.topics = FeedTopics.checked(this.config.topics());
    this.bootstrapServers = bootstrapServers;
    this.reader = reader;
    this.buffer = new EventBuffer(this.config.bufferSize());
  }

  EventBuffer buffer() {
    return buffer;
  }

  List<String> topics() {
    return topics;
  }

  /** Settings of a reader that is assigned partitions and commits nothing. */
  Properties readerSettings(String clientId) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    settings.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return settings;
  }

  void start(@Observes StartupEvent event) {
    running = true;
    consumer = new KafkaConsumer<>(readerSettings("psybiome-gateway-feed"));
    thread = new Thread(this::run, "event-feed-reader");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    Set<TopicPartition> assigned = new HashSet<>();
    boolean first = true;
    long refreshDue = 0;
    try {
      while (running) {
        if (System.nanoTime() - refreshDue >= 0) {
          refreshDue = System.nanoTime() + config.partitionRefresh().toNanos();
          try {
            assign(assigned, first);
            first = false;
          } catch (WakeupException e) {
            throw e;
          } catch (RuntimeException e) {
            Log.warnf("Event feed cannot list its partitions yet: %s", e.getMessage());
          }
        }
        if (assigned.isEmpty()) {
          sleep(POLL);
          continue;
        }
        ConsumerRecords<String, String> records = consumer.poll(POLL);
        List<FeedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
          events.add(reader.read(record));
        }
        buffer.add(events);
      }
    } catch (WakeupException e) {
      // shutting down
    } catch (RuntimeException e) {
      Log.errorf(e, "Event feed reader stopped");
    } finally {
      consumer.close();
    }
  }

  /**
   * Assigns the partitions of the feed's topics. At startup they are read from their end (what was
   * before is read from Kafka for the client that asks for it); partitions that appear later from
   * their start, since all they hold is new.
   */
  private void assign(Set<TopicPartition> assigned, boolean fromEnd) {
    Set<TopicPartition> found = new HashSet<>();
    Map<String, List<PartitionInfo>> all = consumer.listTopics(Duration.ofSeconds(5));
    for (String topic : topics) {
      for (PartitionInfo info : all.getOrDefault(topic, List.of())) {
        found.add(new TopicPartition(topic, info.partition()));
      }
    }
    found.removeAll(assigned);
    if (found.isEmpty()) {
      return;
    }
    Set<TopicPartition> now = new HashSet<>(assigned);
    now.addAll(found);
    consumer.assign(now);
    Map<TopicPartition, Long> start =
        fromEnd ? consumer.endOffsets(found) : consumer.beginningOffsets(found);
    start.forEach(
        (partition, offset) -> {
          consumer.seek(partition, offset);
          buffer.track(partition, offset);
        });
    assigned.addAll(found);
    Log.infof("Event feed reads %s", found);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
