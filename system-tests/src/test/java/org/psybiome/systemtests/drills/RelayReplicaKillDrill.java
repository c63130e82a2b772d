package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.systemtests.drills.KafkaOutageDrill.codes;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
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
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String registrant = Tokens.bearer("registrant", "DRILL6");
    Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    recruiting.forEach(t -> acknowledged.put(t.id(), ConcurrentHashMap.newKeySet()));
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger kills = new AtomicInteger();

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    Future<?> killer =
        pool.submit(
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
    List<Future<?>> writers = new ArrayList<>();
    Instant started = Instant.now();
    for (int c = 0; c < CLIENTS; c++) {
      writers.add(
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < EVENTS; n = next.getAndIncrement()) {
                  TestTrial trial = recruiting.get(n % TRIALS);
                  String code = "R" + (n % TRIALS) + "-P" + String.format("%05d", n);
                  Reply reply =
                      http.post(
                          "/api/v1/trials/" + trial.id() + "/participants",
                          registrant,
                          "application/json",
                          "{\"code\":\""
                              + code
                              + "\",\"arm\":\""
                              + (n % 2 == 0 ? "Probiotic" : "Placebo")
                              + "\",\"enrolledOn\":\""
                              + LocalDate.now()
                              + "\"}",
                          Map.of());
                  if (reply.status() == 201) {
                    acknowledged.get(trial.id()).add(code);
                  } else {
                    refused.add(code + " → " + reply.status() + " " + reply.failure());
                  }
                }
              }));
    }
    for (Future<?> f : writers) {
      f.get();
    }
    writing.set(false);
    killer.get();
    pool.shutdown();
    Instant writesDone = Instant.now();
    int acked = acknowledged.values().stream().mapToInt(Set::size).sum();
    int enrolledBefore = recruiting.stream().mapToInt(t -> t.participants().size()).sum();

    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    int applied = 0;
    while (Instant.now().isBefore(deadline)) {
      applied = 0;
      for (TestTrial trial : recruiting) {
        Set<String> known =
            codes(
                stack.biomarkerDatabase().connectAsOwner(),
                "SELECT code FROM participant_allocation WHERE trial_id = ?",
                trial.id());
        known.retainAll(acknowledged.get(trial.id()));
        applied += known.size();
      }
      if (applied == acked) {
        break;
      }
      Thread.sleep(1_000);
    }
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
        refused.size(),
        applied,
        acked,
        outboxLeft,
        delivery.records(),
        delivery.eventIds().size(),
        delivery.records() - delivery.eventIds().size(),
        processed);
    assertThat(kills.get()).isPositive();
    assertThat(refused).as("enrolments refused (the writers' replica is never killed)").isEmpty();
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
