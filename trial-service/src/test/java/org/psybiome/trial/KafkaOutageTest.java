package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.LocalKafkaBroker;
import org.psybiome.testsupport.TestKafka;

/**
 * Writes succeed while Kafka is down; when it is back, every event they made arrives, each once, in
 * order per trial.
 */
@QuarkusTest
class KafkaOutageTest {

  @Test
  void eventsWrittenDuringAnOutageArriveOnceWhenKafkaIsBack() {
    LocalKafkaBroker broker =
        TestKafka.get()
            .localBroker()
            .orElseThrow(() -> new AssertionError("this test stops the broker the run started"));
    List<String> trials = new ArrayList<>();
    broker.stop();
    try {
      for (int i = 0; i < 5; i++) {
        var trial = TrialApi.recruiting(DemoTrials.DIET); // registered: 1 event
        TrialApi.enrol(trial.id(), "OUT-" + i + "-001", "Usual diet").then().statusCode(201);
        TrialApi.enrol(trial.id(), "OUT-" + i + "-002", "Mediterranean diet")
            .then()
            .statusCode(201);
        TrialApi.moveTo(trial.id(), trial.etag(), "ACTIVE_NOT_RECRUITING"); // status-changed
        trials.add(trial.id());
      }
    } finally {
      broker.start();
    }
    try (var probe = new TrialEventsProbe("psybiome.trial.events", "psybiome.trial.allocations")) {
      Set<String> wanted = new HashSet<>(trials);
      var events = probe.await(e -> wanted.contains(e.key()), 20, Duration.ofSeconds(60));
      // wait a little longer to catch duplicates that might trail
      events = probe.await(e -> wanted.contains(e.key()), 21, Duration.ofSeconds(3));
      assertThat(events).hasSize(20);
      assertThat(events.stream().map(TrialEventsProbe.Event::id).distinct()).hasSize(20);
      for (String id : trials) {
        assertThat(
                events.stream()
                    .filter(e -> e.key().equals(id) && e.topic().equals("psybiome.trial.events"))
                    .map(TrialEventsProbe.Event::type))
            .containsExactly(
                "org.psybiome.trial.registered.v1", "org.psybiome.trial.status-changed.v1");
        assertThat(
                events.stream()
                    .filter(
                        e -> e.key().equals(id) && e.topic().equals("psybiome.trial.allocations"))
                    .map(e -> e.data().path("code").asText()))
            .containsExactly(
                "OUT-" + trials.indexOf(id) + "-001", "OUT-" + trials.indexOf(id) + "-002");
      }
    }
  }
}
