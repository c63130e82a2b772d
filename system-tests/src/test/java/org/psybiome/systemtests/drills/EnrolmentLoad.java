package org.psybiome.systemtests.drills;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.TestDatabase;

/**
 * Enrolments written through the gateway by many clients at once, spread over a set of recruiting
 * trials: the write load of drills 1 and 6. Remembers which were acknowledged (201) and which not,
 * and counts those acknowledged while a condition held (e.g. "Kafka is down").
 */
final class EnrolmentLoad {

  private final DrillHttp http;
  private final String bearer;
  private final List<TestTrial> trials;
  private final String codePrefix;
  private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
  private final List<String> refused = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger acknowledgedWhile = new AtomicInteger();
  private final List<Future<?>> work = new ArrayList<>();
  private ExecutorService clients;

  EnrolmentLoad(DrillHttp http, String bearer, List<TestTrial> trials, String codePrefix) {
    this.http = http;
    this.bearer = bearer;
    this.trials = List.copyOf(trials);
    this.codePrefix = codePrefix;
    trials.forEach(t -> acknowledged.put(t.id(), ConcurrentHashMap.newKeySet()));
  }

  /** Starts {@code count} enrolments on {@code clientCount} threads; returns at once. */
  void start(int count, int clientCount, BooleanSupplier condition) {
    clients = Executors.newFixedThreadPool(clientCount);
    for (int c = 0; c < clientCount; c++) {
      work.add(
          clients.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                  enrol(n, condition);
                }
              }));
    }
  }

  private void enrol(int n, BooleanSupplier condition) {
    TestTrial trial = trials.get(n % trials.size());
    String code = codePrefix + (n % trials.size()) + "-P" + String.format("%05d", n);
    String body =
        String.format(
            "{\"code\":\"%s\",\"arm\":\"%s\",\"enrolledOn\":\"%s\"}",
            code, n % 2 == 0 ? "Probiotic" : "Placebo", LocalDate.now());
    Reply reply =
        http.post(
            "/api/v1/trials/" + trial.id() + "/participants",
            bearer,
            "application/json",
            body,
            Map.of());
    if (reply.status() == 201) {
      acknowledged.get(trial.id()).add(code);
      if (condition.getAsBoolean()) {
        acknowledgedWhile.incrementAndGet();
      }
    } else {
      refused.add(code + " → " + reply.status() + " " + reply.failure() + " " + reply.body());
    }
  }

  /** How many enrolments have been taken up by a client so far. */
  int started() {
    return next.get();
  }

  void awaitDone() throws Exception {
    for (Future<?> f : work) {
      f.get();
    }
    clients.shutdown();
  }

  int acknowledgedCount() {
    return acknowledged.values().stream().mapToInt(Set::size).sum();
  }

  int acknowledgedWhileConditionHeld() {
    return acknowledgedWhile.get();
  }

  List<String> refused() {
    return List.copyOf(refused);
  }

  Set<String> acknowledged(String trialId) {
    return acknowledged.get(trialId);
  }

  /**
   * Polls (rather than awaiting with Awaitility) because a drill reports how many were applied even
   * when not all were. Waits until {@code database} (a service's, read as its owner) holds every
   * acknowledged code in {@code sql} (selecting codes of one trial); returns how many it holds at
   * the end.
   */
  int awaitApplied(TestDatabase database, String sql, Duration atMost) throws Exception {
    Instant deadline = Instant.now().plus(atMost);
    int applied;
    do {
      applied = 0;
      for (TestTrial trial : trials) {
        Set<String> known = codes(database.connectAsOwner(), sql, trial.id());
        known.retainAll(acknowledged.get(trial.id()));
        applied += known.size();
      }
      if (applied == acknowledgedCount()) {
        return applied;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return applied;
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
