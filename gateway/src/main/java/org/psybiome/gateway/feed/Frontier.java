package org.psybiome.gateway.feed;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * A position in the feed: for every partition of the feed's topics, the offset of the next record
 * not yet passed. It is what an SSE event's {@code id} carries, so a client reconnecting with
 * {@code Last-Event-ID} resumes on any gateway replica exactly after what it was sent: each
 * partition from its own offset, nothing repeated, nothing skipped. A partition it does not name is
 * read from its start (it appeared after the id was made).
 *
 * <p>Encoded as {@code topic=o0,o1,...;topic=...} with one offset per partition number; clients
 * should treat it as opaque.
 */
final class Frontier {

  private final Map<TopicPartition, Long> next;

  Frontier() {
    this.next = new TreeMap<>(Frontier::compare);
  }

  private Frontier(Map<TopicPartition, Long> next) {
    this();
    this.next.putAll(next);
  }

  Frontier copy() {
    return new Frontier(next);
  }

  /** The next offset to read of {@code partition}; 0 when it is not named. */
  long next(TopicPartition partition) {
    return next.getOrDefault(partition, 0L);
  }

  boolean names(TopicPartition partition) {
    return next.containsKey(partition);
  }

  Map<TopicPartition, Long> positions() {
    return Map.copyOf(next);
  }

  /** Forgets partitions of other topics: an id cannot make the feed read a topic it does not. */
  Frontier retainTopics(java.util.Collection<String> topics) {
    next.keySet().removeIf(partition -> !topics.contains(partition.topic()));
    return this;
  }

  /** Records {@code offset} of {@code partition} as passed. Never moves back. */
  void pass(TopicPartition partition, long offset) {
    next.merge(partition, offset + 1, Math::max);
  }

  /** Names {@code partition} at {@code offset} unless it is already named. */
  void startAt(TopicPartition partition, long offset) {
    next.putIfAbsent(partition, offset);
  }

  /** True when, for every partition {@code other} names, this one is at or past it. */
  boolean atOrPast(Frontier other) {
    return other.next.entrySet().stream().allMatch(e -> next(e.getKey()) >= e.getValue());
  }

  String encode() {
    StringBuilder out = new StringBuilder();
    String topic = null;
    int expected = 0;
    for (var entry : next.entrySet()) {
      TopicPartition partition = entry.getKey();
      if (!partition.topic().equals(topic)) {
        if (topic != null) {
          out.append(';');
        }
        topic = partition.topic();
        out.append(topic).append('=');
        expected = 0;
      } else {
        out.append(',');
      }
      // partitions the feed does not read (there are none in practice) are left empty
      for (; expected < partition.partition(); expected++) {
        out.append(',');
      }
      out.append(entry.getValue());
      expected = partition.partition() + 1;
    }
    return out.toString();
  }

  /**
   * @throws IllegalArgumentException when {@code id} is not one the feed made
   */
  static Frontier decode(String id) {
    Frontier frontier = new Frontier();
    if (id == null || id.isBlank() || id.length() > 8192) {
      throw new IllegalArgumentException("empty or oversized");
    }
    for (String part : id.trim().split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("no topic in " + part);
      }
      String topic = part.substring(0, eq);
      String[] offsets = part.substring(eq + 1).split(",", -1);
      for (int p = 0; p < offsets.length; p++) {
        if (offsets[p].isEmpty()) {
          continue;
        }
        long offset = Long.parseLong(offsets[p]);
        if (offset < 0) {
          throw new IllegalArgumentException("negative offset");
        }
        frontier.next.put(new TopicPartition(topic, p), offset);
      }
    }
    return frontier;
  }

  private static int compare(TopicPartition a, TopicPartition b) {
    int byTopic = a.topic().compareTo(b.topic());
    return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
  }

  @Override
  public String toString() {
    return encode();
  }
}
