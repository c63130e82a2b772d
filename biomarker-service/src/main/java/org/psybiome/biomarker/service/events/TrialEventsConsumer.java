package org.psybiome.biomarker.service.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psybiome.biomarker.config.BiomarkerConfig;

/**
 * Reads trial-service's trial and allocation events on a thread of its own and applies each in its
 * own transaction (TrialEventApplier). Offsets are committed only after the transaction, so a crash
 * in between redelivers the event, which the applier then skips by its id.
 */
@ApplicationScoped
public class TrialEventsConsumer {

  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> kafkaConfig;
  private final TrialEventApplier applier;
  private final BiomarkerConfig.TrialEvents config;
  private final ObjectMapper json;
  private final ConsumerStall stall;

  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  TrialEventsConsumer(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      TrialEventApplier applier,
      BiomarkerConfig config,
      ObjectMapper json,
      ConsumerStall stall) {
    this.kafkaConfig = kafkaConfig;
    this.applier = applier;
    this.config = config.trialEvents();
    this.json = json;
    this.stall = stall;
  }

  void start(@Observes StartupEvent startup) {
    if (!config.enabled()) {
      Log.info("Consumption of trial events is disabled");
      return;
    }
    running = true;
    consumer = new KafkaConsumer<>(settings(), new StringDeserializer(), new StringDeserializer());
    thread = new Thread(this::run, "trial-events-consumer");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
    if (thread == null) {
      return;
    }
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>(kafkaConfig);
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "biomarker-service-trial-events");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new deployment learns every trial still on the topics, from the beginning.
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // The topics belong to trial-service; a consumer must not create them with its own settings.
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    return settings;
  }

  private void run() {
    try (KafkaConsumer<String, String> kafka = consumer) {
      kafka.subscribe(List.of(config.topic(), config.allocationsTopic()), new AssignmentLog());
      while (running) {
        try {
          ConsumerRecords<String, String> records = kafka.poll(POLL);
          if (!records.isEmpty()) {
            applyAll(kafka, records);
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // e.g. a commit refused after a rebalance: uncommitted events come again and are skipped
          Log.warnf(e, "Trial events consumer trouble; going on in %s", config.retryBackoff());
          pause();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        Log.error("Trial events consumer woken unexpectedly; it stops", e);
      }
    }
  }

  /**
   * Applies the records in order and commits what was applied. If one fails for a reason that may
   * pass (e.g. the database is down), each partition is rewound to its first unapplied record and
   * retried after a pause, so no event is skipped.
   */
  private void applyAll(
      KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, String> record : records.records(partition)) {
        try {
          apply(record);
        } catch (RuntimeException e) {
          Log.warnf(
              e,
              "Could not apply the event at %s-%d@%d; retrying in %s",
              record.topic(),
              record.partition(),
              record.offset(),
              config.retryBackoff());
          stall.failed(record.topic() + "-" + record.partition(), record.offset(), e);
          rewind(kafka, records, applied);
          commit(kafka, applied);
          pause();
          return;
        }
        applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    commit(kafka, applied);
    Map<String, Long> next = new HashMap<>();
    applied.forEach((partition, offset) -> next.put(partition.toString(), offset.offset()));
    stall.progressed(next);
  }

  private void apply(ConsumerRecord<String, String> record) {
    try {
      applier.apply(TrialEvent.parse(json, record.value()));
    } catch (MalformedEventException e) {
      // Retrying cannot help; stopping would block the trial's partition for good.
      Log.errorf(
          "Skipped a malformed event at %s-%d@%d (key %s): %s",
          record.topic(), record.partition(), record.offset(), record.key(), e.getMessage());
    }
  }

  private static void rewind(
      KafkaConsumer<String, String> kafka,
      ConsumerRecords<String, String> records,
      Map<TopicPartition, OffsetAndMetadata> applied) {
    for (TopicPartition partition : records.partitions()) {
      OffsetAndMetadata next = applied.get(partition);
      kafka.seek(
          partition, next != null ? next.offset() : records.records(partition).get(0).offset());
    }
  }

  private static void commit(
      KafkaConsumer<String, String> kafka, Map<TopicPartition, OffsetAndMetadata> applied) {
    if (!applied.isEmpty()) {
      kafka.commitSync(applied);
    }
  }

  /** Logs which partitions this instance reads, so a stalled partition can be told apart. */
  private static final class AssignmentLog implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      Log.infof("Trial events consumer reads %s", partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        Log.infof("Trial events consumer gives up %s", partitions);
      }
    }
  }

  /** Waits before retrying an event whose effect failed (e.g. database down), not to spin. */
  private void pause() {
    try {
      Thread.sleep(config.retryBackoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
