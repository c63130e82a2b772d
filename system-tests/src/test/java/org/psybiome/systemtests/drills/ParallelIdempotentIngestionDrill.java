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
 */
@ExtendWith(StackExtension.class)
class ParallelIdempotentIngestionDrill {

  private static final int CLIENTS = 100;
  private static final int ROWS = 6_000;

  @Test
  void hundredParallelIdenticalPostsStoreOneBatch(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), "DRILL5", 10);
    trials.awaitKnownToBiomarker(trial);
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String pipeline = Tokens.bearer("pipeline", "DRILL5");
    String body = ResultBatches.csv(trial, ROWS, "D5");
    String key = "drill5-" + UUID.randomUUID();

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Reply>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return http.post(
                    "/api/v1/trials/" + trial.id() + "/results",
                    pipeline,
                    "text/csv",
                    body,
                    Map.of("Idempotency-Key", key));
              }));
    }
    start.countDown();
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
        "5 parallel Idempotency-Key",
        "%d clients: %d × 201 (%d distinct bodies), %d × 409, other %d; stored %d batch(es), %d rows",
        CLIENTS,
        created,
        createdBodies.size(),
        inFlight,
        other.size(),
        batches,
        rows);
    assertThat(other).as("answers other than 201 and 409").isEmpty();
    assertThat(created).isPositive();
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
