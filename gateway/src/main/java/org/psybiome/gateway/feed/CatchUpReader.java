package org.psybiome.gateway.feed;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Brings a connection that resumes from further back than the shared buffer up to it: a Kafka
 * reader of its own, positioned at the connection's id, sends what the client missed, until the
 * connection's position is one the buffer can continue from. Then the connection reads the buffer
 * like any other; events it was already sent are skipped by offset, so none is repeated. Runs on a
 * thread of its own (Kafka's client blocks); how many at once is bounded by the feed.
 */
final class CatchUpReader implements Runnable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final FeedConsumer feed;
  private final EventReader reader;
  private final FeedConnection connection;
  private final Runnable done;

  CatchUpReader(FeedConsumer feed, EventReader reader, FeedConnection connection, Runnable done) {
    this.feed = feed;
    this.reader = reader;
    this.connection = connection;
    this.done = done;
  }

  @Override
  public void run() {
    EventBuffer buffer = feed.buffer();
    Frontier position = connection.position();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(feed.readerSettings("psybiome-gateway-catch-up"))) {
      Set<TopicPartition> partitions = new HashSet<>(buffer.live().position().positions().keySet());
      partitions.addAll(position.positions().keySet());
      consumer.assign(partitions);
      Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
      for (TopicPartition partition : partitions) {
        // what retention has already deleted cannot be sent; the rest is
        consumer.seek(
            partition, Math.max(position.next(partition), beginnings.getOrDefault(partition, 0L)));
      }
      while (!connection.closed()) {
        long seq = buffer.resumeAt(position);
        if (seq >= 0) {
          connection.goLive(seq);
          return;
        }
        List<String> frames = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() < position.next(partition)) {
            continue;
          }
          FeedEvent event = reader.read(record);
          position.pass(partition, record.offset());
          if (connection.filter().admits(event)) {
            frames.add(FeedConnection.frame(event, position));
          }
        }
        if (!frames.isEmpty()) {
          connection.writeAndWait(frames);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.fail();
    } catch (RuntimeException e) {
      Log.warnf("Catch-up of a feed connection failed: %s", e.getMessage());
      connection.fail();
    } finally {
      done.run();
    }
  }
}
