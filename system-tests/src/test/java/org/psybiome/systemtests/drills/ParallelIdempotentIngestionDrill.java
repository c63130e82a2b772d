package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * Drill 5: a pipeline that retries impatiently — 100 identical ingestions with one Idempotency-Key
 * at once. One batch is stored; every answer is either that batch's 201 (first or replayed, byte
 * for byte) or a 409 "in flight" problem.
 *
 * <p>The 100 really overlap: each is sent on a connection of its own with its whole body but the
 * last byte, and only when all 100 are held there (every connection open, every upload done) is the
 * last byte of each released together. They reach the service complete within moments, while the
 * first to claim the key is still storing its {@value #ROWS} rows: one 201, the others 409.
 */
@ExtendWith(StackExtension.class)
class ParallelIdempotentIngestionDrill {

  private static final int CLIENTS = 100;
  private static final int ROWS = 20_000;

  @Test
  void hundredParallelIdenticalPostsStoreOneBatch(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), "DRILL5", 10);
    trials.awaitKnownToBiomarker(trial);
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String pipeline = Tokens.bearer("pipeline", "DRILL5");
    String body = ResultBatches.csv(trial, ROWS, "D5");
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String key = "drill5-" + UUID.randomUUID();

    CountDownLatch held = new CountDownLatch(CLIENTS);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger answeredBeforeRelease =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.List<java.time.Instant> answeredAt =
        java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Reply>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      futures.add(
          pool.submit(
              () -> {
                Reply reply =
                    http.postHeldBack(
                        "/api/v1/trials/" + trial.id() + "/results",
                        pipeline,
                        "text/csv",
                        bytes,
                        Map.of("Idempotency-Key", key),
                        held,
                        release);
                if (release.getCount() > 0) {
                  answeredBeforeRelease.incrementAndGet();
                }
                answeredAt.add(java.time.Instant.now());
                return reply;
              }));
    }
    boolean allHeld = held.await(2, java.util.concurrent.TimeUnit.MINUTES);
    java.time.Instant releasedAt = java.time.Instant.now();
    release.countDown();
    Set<String> createdBodies = new HashSet<>();
    int created = 0;
    int inFlight = 0;
    List<String> other = new ArrayList<>();
    for (Future<Reply> future : futures) {
      Reply reply = future.get();
      if (reply.status() == 201) {
        created++;
        createdBodies.add(reply.body());
      } else if (reply.status() == 409 && reply.isProblem()) {
        inFlight++;
      } else {
        other.add(reply.status() + " " + reply.failure() + " " + reply.body());
      }
    }
    pool.shutdown();
    long spreadMs =
        java.time.Duration.between(
                answeredAt.stream().min(java.util.Comparator.naturalOrder()).orElseThrow(),
                answeredAt.stream().max(java.util.Comparator.naturalOrder()).orElseThrow())
            .toMillis();
    long lastAfterReleaseMs =
        java.time.Duration.between(
                releasedAt,
                answeredAt.stream().max(java.util.Comparator.naturalOrder()).orElseThrow())
            .toMillis();
    Reply after =
        http.post(
            "/api/v1/trials/" + trial.id() + "/results",
            pipeline,
            "text/csv",
            body,
            Map.of("Idempotency-Key", key));
    long batches =
        count(
            stack, "SELECT count(*) FROM batch WHERE trial_id = ? AND rows = " + ROWS, trial.id());
    long rows =
        count(
            stack,
            "SELECT count(*) FROM result WHERE trial_id = ? AND sample_id LIKE 'D5-%'",
            trial.id());

    DrillReport.print(
        "5 parallel idempotent ingestion",
        "%d clients, %d rows each, all %d held at their last byte before the release (%s), %d"
            + " answered before it; after the release: %d × 201 (%d distinct bodies), %d × 409,"
            + " other %d, all answered within %d ms of the release (%d ms between first and last"
            + " answer); a later retry → %d; stored %d batch(es), %d rows",
        CLIENTS,
        ROWS,
        CLIENTS,
        allHeld,
        answeredBeforeRelease.get(),
        created,
        createdBodies.size(),
        inFlight,
        other.size(),
        lastAfterReleaseMs,
        spreadMs,
        after.status(),
        batches,
        rows);
    assertThat(allHeld).as("all requests open and held at their last byte together").isTrue();
    assertThat(answeredBeforeRelease).as("answered before the release").hasValue(0);
    assertThat(other).as("answers other than 201 and 409").isEmpty();
    assertThat(created).as("one 201: the others overlapped the first's claim").isEqualTo(1);
    assertThat(inFlight).as("409 in flight").isEqualTo(CLIENTS - 1);
    assertThat(createdBodies).as("every 201 is the same response").hasSize(1);
    assertThat(after.status()).isEqualTo(201);
    assertThat(createdBodies).contains(after.body());
    assertThat(batches).isEqualTo(1);
    assertThat(rows).isEqualTo(ROWS);
  }

  static long count(PsybiomeStack stack, String sql, String trialId) throws Exception {
    try (Connection connection = stack.biomarkerDatabase().connectAsOwner();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, trialId);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
