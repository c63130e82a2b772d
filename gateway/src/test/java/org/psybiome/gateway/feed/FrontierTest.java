package org.psybiome.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The feed's event ids: positions per partition that survive the trip through a client. */
class FrontierTest {

  private static final TopicPartition T0 = new TopicPartition("psybiome.trial.events", 0);
  private static final TopicPartition T2 = new TopicPartition("psybiome.trial.events", 2);
  private static final TopicPartition B1 = new TopicPartition("psybiome.biomarker.events", 1);

  @Test
  void encodesEveryPartitionAndDecodesToTheSamePositions() {
    Frontier frontier = new Frontier();
    frontier.startAt(T0, 4);
    frontier.startAt(T2, 0);
    frontier.pass(T2, 11);
    frontier.startAt(B1, 7);

    String id = frontier.encode();

    assertEquals("psybiome.biomarker.events=,7;psybiome.trial.events=4,,12", id);
    Frontier decoded = Frontier.decode(id);
    assertEquals(frontier.positions(), decoded.positions());
    assertEquals(12, decoded.next(T2));
    assertFalse(decoded.names(new TopicPartition("psybiome.trial.events", 1)));
  }

  @Test
  void passingNeverMovesBack() {
    Frontier frontier = new Frontier();
    frontier.pass(T0, 9);
    frontier.pass(T0, 3);
    assertEquals(10, frontier.next(T0));
  }

  @Test
  void aPositionIsAtOrPastAnotherOnlyWhereverTheOtherNamesAPartition() {
    Frontier base = new Frontier();
    base.startAt(T0, 5);
    base.startAt(B1, 2);
    Frontier client = Frontier.decode("psybiome.trial.events=5;psybiome.biomarker.events=,3");
    assertTrue(client.atOrPast(base));
    // a partition the client's id does not name counts from its start
    assertFalse(Frontier.decode("psybiome.trial.events=9").atOrPast(base));
  }

  @Test
  void anIdCannotNameATopicTheFeedDoesNotRead() {
    Frontier frontier =
        Frontier.decode("psybiome.trial.events=1;psybiome.trial.allocations=0")
            .retainTopics(List.of("psybiome.trial.events"));
    assertEquals(List.of(T0), List.copyOf(frontier.positions().keySet()));
  }

  @Test
  void idsTheFeedDidNotMakeAreRefused() {
    for (String bad : new String[] {"", "garbage", "psybiome.trial.events=x", "t=-1", "=1"}) {
      assertThrows(IllegalArgumentException.class, () -> Frontier.decode(bad), bad);
    }
  }
}
