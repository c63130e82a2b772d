package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * Drill 6: trial-service runs as three replicas over one database, each with an outbox relay; two
 * of them are killed (SIGKILL) and restarted again and again while 50 000 enrolments flow. A relay
 * killed between sending and deleting resends on another replica (Kafka may hold a duplicate);
 * nothing may go missing, and biomarker-service must apply each event exactly once.
 */
@ExtendWith(StackExtension.class)
class RelayReplicaKillDrill {

  private static final int EVENTS = Integer.getInteger("drill.relay.events", 50_000);
  private static final int TRIALS = 50;
  private static final int CLIENTS = 16;

  @Test
  void killedRelayReplicasLoseNothingAndDuplicateNothing(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    List<TestTrial> recruiting = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      recruiting.add(trials.recruiting(stack.root(), "DRILL6", 1));
    }
    List<ServiceProcess> replicas =
        List.of(
            stack.extraTrialService("trial-service-replica-1"),
            stack.extraTrialService("trial-service-replica-2"));
    EnrolmentLoad load =
        new EnrolmentLoad(
            new DrillHttp(stack.gatewayUri()),
            Tokens.bearer("registrant", "DRILL6"),
            recruiting,
            "R");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger kills = new AtomicInteger();
    ExecutorService killerThread = Executors.newSingleThreadExecutor();
    Future<?> killer =
        killerThread.submit(
            () -> {
              while (writing.get()) {
                ServiceProcess victim =
                    replicas.get(ThreadLocalRandom.current().nextInt(replicas.size()));
                sleep(2_000 + ThreadLocalRandom.current().nextInt(3_000));
                victim.kill();
                kills.incrementAndGet();
                victim.start();
              }
              return null;
            });
    Instant started = Instant.now();
    load.start(EVENTS, CLIENTS, () -> false);
    load.awaitDone();
    writing.set(false);
    killer.get();
    killerThread.shutdown();
    Instant writesDone = Instant.now();
    int acked = load.acknowledgedCount();
    int enrolledBefore = recruiting.stream().mapToInt(t -> t.participants().size()).sum();
    int applied =
        load.awaitApplied(
            stack.biomarkerDatabase(),
            "SELECT code FROM participant_allocation WHERE trial_id = ?",
            Duration.ofMinutes(5));
    long outboxLeft = outboxRows(stack);
    AllocationTopic.Delivery delivery =
        AllocationTopic.read(
            stack.kafkaBootstrap(), recruiting.stream().map(TestTrial::id).toList());
    long processed = ProcessedEvents.countOf(stack.biomarkerDatabase(), delivery.eventIds());
    for (ServiceProcess replica : replicas) {
      replica.stop();
    }

    DrillReport.print(
        "6 relay replica kills",
        "%d enrolments in %.1f s with 3 replicas, %d replica kills; %d acknowledged, %d refused;"
            + " applied %d/%d; outbox left %d; Kafka holds %d records for %d event ids"
            + " (%d duplicates resent after kills), each id processed once: %d",
        EVENTS,
        Duration.between(started, writesDone).toMillis() / 1000.0,
        kills.get(),
        acked,
        load.refused().size(),
        applied,
        acked,
        outboxLeft,
        delivery.records(),
        delivery.eventIds().size(),
        delivery.records() - delivery.eventIds().size(),
        processed);
    assertThat(kills.get()).isPositive();
    assertThat(load.refused())
        .as("enrolments refused (the writers' replica is never killed)")
        .isEmpty();
    assertThat(applied).as("acknowledged enrolments applied by biomarker-service").isEqualTo(acked);
    assertThat(outboxLeft).isZero();
    assertThat(delivery.eventIds()).hasSize(acked + enrolledBefore);
    assertThat(processed).isEqualTo(acked + enrolledBefore);
  }

  private static long outboxRows(PsybiomeStack stack) throws Exception {
    try (Connection connection = stack.trialDatabase().connectAsOwner();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
