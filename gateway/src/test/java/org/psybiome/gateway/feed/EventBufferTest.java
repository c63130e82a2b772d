package org.psybiome.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The shared ring of recent events: what it can still serve to a resuming client. */
class EventBufferTest {

  private static final TopicPartition P0 = new TopicPartition("psybiome.trial.events", 0);
  private static final TopicPartition P1 = new TopicPartition("psybiome.trial.events", 1);

  private static FeedEvent at(TopicPartition partition, long offset) {
    return new FeedEvent(partition, offset, "t", "PSB-2026-000001", Audience.PUBLIC, null, "{}");
  }

  @Test
  void theOldestEventMakesRoomAndPositionsBeforeItMustCatchUp() {
    EventBuffer buffer = new EventBuffer(3);
    buffer.track(P0, 10);
    buffer.track(P1, 0);
    Frontier atStart = buffer.live().position();

    buffer.add(List.of(at(P0, 10), at(P1, 0), at(P0, 11)));
    assertEquals(0, buffer.resumeAt(atStart));

    buffer.add(List.of(at(P1, 1)));
    // P0@10 is gone: a client that had not passed it must read it from Kafka
    assertEquals(-1, buffer.resumeAt(atStart));
    assertThrows(IllegalStateException.class, () -> buffer.get(0));
    Frontier pastIt = atStart.copy();
    pastIt.pass(P0, 10);
    assertEquals(1, buffer.resumeAt(pastIt));
    assertEquals(at(P1, 1), buffer.get(3));
    assertNull(buffer.get(4));
  }

  @Test
  void aNewConnectionStartsAfterEverythingAlreadyRead() {
    EventBuffer buffer = new EventBuffer(10);
    buffer.track(P0, 0);
    buffer.add(List.of(at(P0, 0), at(P0, 1)));
    EventBuffer.Start start = buffer.live();
    assertEquals(2, start.seq());
    assertEquals(2, start.position().next(P0));
    assertTrue(start.position().atOrPast(buffer.live().position()));
  }
}
