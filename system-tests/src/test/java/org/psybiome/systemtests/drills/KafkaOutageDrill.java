package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.LocalKafkaBroker;
import org.psybiome.testsupport.TestKafka;

/**
 * Drill 1: the Kafka broker is killed (SIGKILL) for 60 s while 10 000 enrolments are written
 * through the gateway. Every acknowledged enrolment must be stored in trial-service, every one of
 * their allocation events must reach biomarker-service after the broker is back, and none may be
 * applied twice there (Kafka may deliver a duplicate; the consumer must skip it).
 */
@ExtendWith(StackExtension.class)
class KafkaOutageDrill {

  private static final int WRITES = Integer.getInteger("drill.kafka.writes", 10_000);
  private static final int TRIALS = 10;
  private static final int CLIENTS = 16;
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("drill.kafka.outage-s", 60));

  @Test
  void everyAcknowledgedWriteIsStoredAndDeliveredOnce(PsybiomeStack stack) throws Exception {
    LocalKafkaBroker broker =
        TestKafka.get()
            .localBroker()
            .orElseThrow(() -> new IllegalStateException("needs a local broker to kill"));
    Trials trials = new Trials(stack.gatewayUri());
    List<TestTrial> recruiting = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      recruiting.add(trials.recruiting(stack.root(), "DRILL1", 1));
    }
    EnrolmentLoad load =
        new EnrolmentLoad(
            new DrillHttp(stack.gatewayUri()),
            Tokens.bearer("registrant", "DRILL1"),
            recruiting,
            "K");
    AtomicBoolean outage = new AtomicBoolean();

    Instant started = Instant.now();
    load.start(WRITES, CLIENTS, outage::get);
    // Let the writes get going, then take the broker away for the outage.
    await("the first tenth of the writes")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> load.started() >= WRITES / 10);
    broker.kill();
    outage.set(true);
    Instant killedAt = Instant.now();
    Thread.sleep(OUTAGE.toMillis());
    outage.set(false);
    broker.start();
    Instant restartedAt = Instant.now();
    load.awaitDone();
    Instant writesDone = Instant.now();
    int acked = load.acknowledgedCount();
    int enrolledBefore = recruiting.stream().mapToInt(t -> t.participants().size()).sum();

    // Stored: trial-service holds every acknowledged enrolment.
    for (TestTrial trial : recruiting) {
      assertThat(
              EnrolmentLoad.codes(
                  stack.trialDatabase().connectAsOwner(),
                  "SELECT code FROM participant WHERE trial_id = ?",
                  trial.id()))
          .as("participants of %s stored by trial-service", trial.id())
          .containsAll(load.acknowledged(trial.id()));
    }
    // Delivered and applied once: biomarker-service learns every acknowledged allocation.
    int applied =
        load.awaitApplied(
            stack.biomarkerDatabase(),
            "SELECT code FROM participant_allocation WHERE trial_id = ?",
            Duration.ofMinutes(3));
    Instant allApplied = Instant.now();
    AllocationTopic.Delivery delivery =
        AllocationTopic.read(
            stack.kafkaBootstrap(), recruiting.stream().map(TestTrial::id).toList());
    long processed = ProcessedEvents.countOf(stack.biomarkerDatabase(), delivery.eventIds());

    DrillReport.print(
        "1 Kafka SIGKILL",
        "%d writes in %.1f s, %d acknowledged (%d while Kafka was down %d s), %d refused;"
            + " stored all; applied %d/%d, last %.1f s after the restart; Kafka holds %d records"
            + " for %d event ids (%d duplicates), each id processed once: %d",
        WRITES,
        Duration.between(started, writesDone).toMillis() / 1000.0,
        acked,
        load.acknowledgedWhileConditionHeld(),
        Duration.between(killedAt, restartedAt).toSeconds(),
        load.refused().size(),
        applied,
        acked,
        Duration.between(restartedAt, allApplied).toMillis() / 1000.0,
        delivery.records(),
        delivery.eventIds().size(),
        delivery.records() - delivery.eventIds().size(),
        processed);
    assertThat(load.refused()).as("writes refused while Kafka was down").isEmpty();
    assertThat(load.acknowledgedWhileConditionHeld())
        .as("writes acknowledged during the outage")
        .isPositive();
    assertThat(applied).as("acknowledged enrolments applied by biomarker-service").isEqualTo(acked);
    assertThat(delivery.eventIds()).hasSize(acked + enrolledBefore);
    assertThat(processed)
        .as("event ids recorded once as processed")
        .isEqualTo(acked + enrolledBefore);
  }
}
