package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * Drill 3: PostgreSQL is restarted while clients read and write through the gateway. While it is
 * away a client may get a 503 problem (retry later) but never a 500 and never a hang; afterwards
 * both services answer again without being restarted, and every acknowledged write is there.
 *
 * <p>Restarting the database server needs a server of the drill's own: {@code ./psybiome drills}
 * starts a private PostgreSQL cluster and passes the command that restarts it as {@code
 * PSYBIOME_DRILL_PG_RESTART}.
 */
@ExtendWith(StackExtension.class)
class DatabaseRestartDrill {

  private static final int CLIENTS = 8;
  private static final Duration BEFORE = Duration.ofSeconds(5);
  private static final Duration AFTER = Duration.ofSeconds(30);

  @Test
  void clientsGet503sNever500sAndTheServicesRecover(PsybiomeStack stack) throws Exception {
    String restart = System.getenv("PSYBIOME_DRILL_PG_RESTART");
    assumeTrue(
        restart != null && !restart.isBlank(),
        "run through ./psybiome drills, which owns a PostgreSQL it may restart");
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), "DRILL3", 2);
    trials.awaitKnownToBiomarker(trial);
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String registrant = Tokens.bearer("registrant", "DRILL3");
    String pipeline = Tokens.bearer("pipeline", "DRILL3");

    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    List<String> wrong = Collections.synchronizedList(new ArrayList<>());
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<Instant> restartedAt = new AtomicReference<>();
    Map<String, AtomicReference<Instant>> recoveredAt = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();
    Map<String, AtomicInteger> retryAfters = new ConcurrentHashMap<>();

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.add(
          pool.submit(
              () -> {
                while (running.get()) {
                  int n = sequence.incrementAndGet();
                  String kind;
                  Reply reply;
                  String code = null;
                  switch (n % 3) {
                    case 0 -> {
                      kind = "trial read";
                      reply = http.get("/api/v1/trials/" + trial.id(), null);
                    }
                    case 1 -> {
                      kind = "enrolment";
                      code = "DB" + client + "-P" + String.format("%05d", n);
                      reply =
                          http.post(
                              "/api/v1/trials/" + trial.id() + "/participants",
                              registrant,
                              "application/json",
                              "{\"code\":\""
                                  + code
                                  + "\",\"arm\":\"Placebo\",\"enrolledOn\":\""
                                  + LocalDate.now()
                                  + "\"}",
                              Map.of());
                    }
                    default -> {
                      kind = "results read";
                      reply =
                          http.get(
                              "/api/v1/trials/" + trial.id() + "/results?pageSize=10", pipeline);
                    }
                  }
                  outcomes
                      .computeIfAbsent(kind + " " + label(reply), k -> new AtomicInteger())
                      .incrementAndGet();
                  if (reply.status() / 100 == 2) {
                    if (code != null) {
                      acknowledged.add(code);
                    }
                    Instant restarted = restartedAt.get();
                    if (restarted != null) {
                      recoveredAt
                          .computeIfAbsent(kind, k -> new AtomicReference<>())
                          .compareAndSet(null, Instant.now());
                    }
                  } else if (!(reply.status() == 503 && reply.isProblem())) {
                    wrong.add(kind + ": " + label(reply) + " " + reply.body());
                  } else if (!isSeconds(reply.header("Retry-After"))) {
                    wrong.add(kind + ": 503 without Retry-After " + reply.body());
                  } else {
                    retryAfters
                        .computeIfAbsent(reply.header("Retry-After"), k -> new AtomicInteger())
                        .incrementAndGet();
                  }
                }
                return null;
              }));
    }
    Thread.sleep(BEFORE.toMillis());
    Instant restartStarted = Instant.now();
    Process restarting = new ProcessBuilder("sh", "-c", restart).inheritIO().start();
    int exit = restarting.waitFor();
    restartedAt.set(Instant.now());
    Thread.sleep(AFTER.toMillis());
    running.set(false);
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    Set<String> stored =
        EnrolmentLoad.codes(
            stack.trialDatabase().connectAsOwner(),
            "SELECT code FROM participant WHERE trial_id = ?",
            trial.id());

    Map<String, Double> recovery = new TreeMap<>();
    recoveredAt.forEach(
        (kind, at) ->
            recovery.put(kind, Duration.between(restartedAt.get(), at.get()).toMillis() / 1000.0));
    DrillReport.print(
        "3 database restart",
        "restart took %.1f s (exit %d); outcomes %s; Retry-After on the 503s (seconds → count) %s;"
            + " wrong %d; first success after restart (s) %s; %d enrolments acknowledged, all"
            + " stored: %s",
        Duration.between(restartStarted, restartedAt.get()).toMillis() / 1000.0,
        exit,
        new TreeMap<>(outcomes),
        new TreeMap<>(retryAfters),
        wrong.size(),
        recovery,
        acknowledged.size(),
        stored.containsAll(acknowledged));
    assertThat(exit).as("the restart command succeeded").isZero();
    assertThat(wrong)
        .as("answers other than 2xx and 503 problems with Retry-After (500s, hangs, ...)")
        .isEmpty();
    assertThat(retryAfters.values().stream().mapToInt(AtomicInteger::get).sum())
        .as("503 problems seen while the database was away, each with Retry-After")
        .isPositive();
    assertThat(recovery.keySet())
        .as("every kind of request succeeds again")
        .containsExactlyInAnyOrder("trial read", "enrolment", "results read");
    assertThat(recovery.values())
        .allSatisfy(seconds -> assertThat(seconds).isLessThan(AFTER.toSeconds()));
    assertThat(stored).containsAll(acknowledged);
  }

  /** A Retry-After of delay-seconds (RFC 9110 10.2.3), the form the services send. */
  private static boolean isSeconds(String retryAfter) {
    return retryAfter != null && retryAfter.matches("[0-9]+");
  }

  private static String label(Reply reply) {
    if (reply.status() != 0) {
      return String.valueOf(reply.status());
    }
    return reply.hung() ? "hung" : "no answer";
  }
}
