package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
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
 *
 * <p>So that the skip is exercised in every run, not only when a kill happens to land between a
 * send and its delete, a second trial-service replica relays beside the first with the outbox
 * relay's fault injection: it halts once it has sent {@value #FAULT_AFTER} events, after Kafka
 * acknowledged its batch and before deleting the rows, which the first replica then sends again.
 * "Applied once" is counted in biomarker-service's append-only event application log, which has no
 * unique key on the event id (a double application would show as two entries).
 */
@ExtendWith(StackExtension.class)
class KafkaOutageDrill {

  private static final int WRITES = Integer.getInteger("drill.kafka.writes", 10_000);
  private static final int TRIALS = 10;
  private static final int CLIENTS = 16;
  private static final int FAULT_AFTER = 200;
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
    // Relays only (the gateway writes to the first replica), and dies after sending, before
    // marking.
    ServiceProcess dying =
        stack.extraTrialService(
            "trial-service-dies-after-sending",
            Map.of("psybiome.outbox.relay.fault.die-after-sending", String.valueOf(FAULT_AFTER)));
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
    await("the outbox is empty")
        .atMost(Duration.ofMinutes(2))
        .until(() -> RelayReplicaKillDrill.outboxRows(stack) == 0);
    AllocationTopic.Delivery delivery =
        AllocationTopic.read(
            stack.kafkaBootstrap(), recruiting.stream().map(TestTrial::id).toList());
    long resent = delivery.records() - delivery.eventIds().size();
    // every resent copy reaches the consumer, which must log it as skipped
    EventApplications applications =
        await("every resent copy taken up by the consumer")
            .atMost(Duration.ofMinutes(1))
            .until(
                () -> EventApplications.of(stack.biomarkerDatabase(), delivery.eventIds()),
                a -> a.skipped() >= resent && a.notAppliedOnce().isEmpty());
    java.util.OptionalInt faultExit = dying.exitedBy();
    dying.stop();

    DrillReport.print(
        "1 Kafka outage",
        "%d writes in %.1f s, %d acknowledged (%d while Kafka was down %d s), %d refused;"
            + " stored all; applied %d/%d, last %.1f s after the restart; Kafka holds %d records"
            + " for %d event ids (%d duplicates resent); event application log: %d applied, %d"
            + " skipped as duplicates, %d ids applied other than once; the relay with the fault"
            + " ended with exit status %s",
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
        resent,
        applications.applied(),
        applications.skipped(),
        applications.notAppliedOnce().size(),
        faultExit.isPresent() ? faultExit.getAsInt() : "none (still running)");
    assertThat(load.refused()).as("writes refused while Kafka was down").isEmpty();
    assertThat(load.acknowledgedWhileConditionHeld())
        .as("writes acknowledged during the outage")
        .isPositive();
    assertThat(applied).as("acknowledged enrolments applied by biomarker-service").isEqualTo(acked);
    assertThat(delivery.eventIds()).hasSize(acked + enrolledBefore);
    assertThat(faultExit)
        .as("the replica with the fault halted after sending, before deleting")
        .hasValue(86);
    assertThat(resent).as("duplicates resent after the fault").isPositive();
    assertThat(applications.notAppliedOnce()).as("event ids applied other than once").isEmpty();
    assertThat(applications.applied()).isEqualTo(acked + enrolledBefore);
    assertThat(applications.skipped())
        .as("resent copies the consumer skipped")
        .isGreaterThanOrEqualTo(resent);
  }
}
