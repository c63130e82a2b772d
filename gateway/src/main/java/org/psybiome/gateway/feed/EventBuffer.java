package org.psybiome.gateway.feed;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The last events the feed read, in the order it read them, shared by every connection of this
 * replica: one Kafka consumer however many dashboards listen. A ring of fixed size: the oldest
 * event makes room for the newest, and no connection can hold the reader back. Each entry has a
 * sequence number; a connection keeps its own cursor and reads at its own pace.
 *
 * <p>{@code base} is the feed's position just before the oldest event kept: a connection whose
 * position is at or past it everywhere can be served from here; one further back must first be read
 * from Kafka ({@link CatchUpReader}).
 */
final class EventBuffer {

  /** Told when events were added; called on the feed's reader thread, so it must not block. */
  interface Listener {
    void eventsAdded();
  }

  private final FeedEvent[] ring;
  private final Frontier base = new Frontier();
  private final Frontier head = new Frontier();
  private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

  /** Sequence number of the oldest event kept and of the next one to be added. */
  private long tail;

  private long next;

  EventBuffer(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("psybiome.gateway.events.buffer-size must be positive");
    }
    this.ring = new FeedEvent[size];
  }

  /** A partition the reader now reads, from {@code offset} on. */
  synchronized void track(TopicPartition partition, long offset) {
    base.startAt(partition, offset);
    head.startAt(partition, offset);
  }

  void add(List<FeedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    synchronized (this) {
      for (FeedEvent event : events) {
        if (next - tail == ring.length) {
          FeedEvent evicted = ring[(int) (tail % ring.length)];
          base.pass(evicted.partition(), evicted.offset());
          tail++;
        }
        ring[(int) (next % ring.length)] = event;
        head.pass(event.partition(), event.offset());
        next++;
      }
    }
    listeners.forEach(Listener::eventsAdded);
  }

  /** The event numbered {@code seq}; null when it is not added yet. */
  synchronized FeedEvent get(long seq) {
    if (seq < tail) {
      throw new IllegalStateException("evicted");
    }
    return seq >= next ? null : ring[(int) (seq % ring.length)];
  }

  /** True when the event numbered {@code seq} has already made room for newer ones. */
  synchronized boolean evicted(long seq) {
    return seq < tail;
  }

  /** Where a new connection starts: the newest position, and the number of the next event. */
  synchronized Start live() {
    return new Start(head.copy(), next);
  }

  /**
   * Where a connection at {@code position} starts reading here: the oldest event kept (events it
   * was already sent are skipped by offset); or -1 when it is further back than that.
   */
  synchronized long resumeAt(Frontier position) {
    return position.atOrPast(base) ? tail : -1;
  }

  void listen(Listener listener) {
    listeners.add(listener);
  }

  void unlisten(Listener listener) {
    listeners.remove(listener);
  }

  int listeners() {
    return listeners.size();
  }

  record Start(Frontier position, long seq) {}
}
