package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
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
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String registrant = Tokens.bearer("registrant", "DRILL1");
    Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    recruiting.forEach(t -> acknowledged.put(t.id(), ConcurrentHashMap.newKeySet()));
    List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger duringOutage = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean outage =
        new java.util.concurrent.atomic.AtomicBoolean();

    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    Instant started = Instant.now();
    for (int c = 0; c < CLIENTS; c++) {
      work.add(
          clients.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < WRITES; n = next.getAndIncrement()) {
                  TestTrial trial = recruiting.get(n % TRIALS);
                  String code = "K" + (n % TRIALS) + "-P" + String.format("%05d", n);
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
                    if (outage.get()) {
                      duringOutage.incrementAndGet();
                    }
                  } else {
                    refused.add(
                        code + " → " + reply.status() + " " + reply.failure() + " " + reply.body());
                  }
                }
              }));
    }
    // Let the writes get going, then take the broker away for the outage.
    while (next.get() < WRITES / 10) {
      Thread.sleep(50);
    }
    broker.kill();
    outage.set(true);
    Instant killedAt = Instant.now();
    Thread.sleep(OUTAGE.toMillis());
    outage.set(false);
    broker.start();
    Instant restartedAt = Instant.now();
    for (Future<?> f : work) {
      f.get();
    }
    clients.shutdown();
    Instant writesDone = Instant.now();
    int acked = acknowledged.values().stream().mapToInt(Set::size).sum();
    int enrolledBefore = recruiting.stream().mapToInt(t -> t.participants().size()).sum();

    // Stored: trial-service holds every acknowledged enrolment.
    for (TestTrial trial : recruiting) {
      assertThat(
              codes(
                  stack.trialDatabase().connectAsOwner(),
                  "SELECT code FROM participant WHERE trial_id = ?",
                  trial.id()))
          .as("participants of %s stored by trial-service", trial.id())
          .containsAll(acknowledged.get(trial.id()));
    }
    // Delivered and applied once: biomarker-service learns every acknowledged allocation.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
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
      Thread.sleep(500);
    }
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
        duringOutage.get(),
        Duration.between(killedAt, restartedAt).toSeconds(),
        refused.size(),
        applied,
        acked,
        Duration.between(restartedAt, allApplied).toMillis() / 1000.0,
        delivery.records(),
        delivery.eventIds().size(),
        delivery.records() - delivery.eventIds().size(),
        processed);
    assertThat(refused).as("writes refused while Kafka was down").isEmpty();
    assertThat(duringOutage.get()).as("writes acknowledged during the outage").isPositive();
    assertThat(applied).as("acknowledged enrolments applied by biomarker-service").isEqualTo(acked);
    assertThat(delivery.eventIds()).hasSize(acked + enrolledBefore);
    assertThat(processed)
        .as("event ids recorded once as processed")
        .isEqualTo(acked + enrolledBefore);
  }

  static Set<String> codes(Connection connection, String sql, String trialId) throws Exception {
    try (connection;
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, trialId);
      Set<String> codes = new HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          codes.add(rows.getString(1));
        }
      }
      return codes;
    }
  }
}
