package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psybiome.systemtests.drills.ParallelIdempotentIngestionDrill.count;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Drill 2: biomarker-service is killed (SIGKILL) while it is storing a 100 000-row batch. Nothing
 * of the batch may remain; once the service is back, the pipeline's retry with the same
 * Idempotency-Key stores it exactly once, and a further retry replays that answer. The client whose
 * request was cut off is told so at once: a 502 {@code outcome-unknown} problem (or a 503 problem,
 * if the gateway knows nothing was sent) within {@value #PROMPT_MS} ms of the kill, never its own
 * timeout.
 */
@ExtendWith(StackExtension.class)
class ServiceCrashMidBatchDrill {

  private static final int ROWS = 100_000;
  private static final long PROMPT_MS = 2_000;

  @Test
  void batchIsAllOrNothingAndTheRetryCompletesItOnce(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), "DRILL2", 20);
    trials.awaitKnownToBiomarker(trial);
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String pipeline = Tokens.bearer("pipeline", "DRILL2");
    String body = ResultBatches.csv(trial, ROWS, "D2");
    String key = "drill2-" + UUID.randomUUID();
    String path = "/api/v1/trials/" + trial.id() + "/results";

    AtomicReference<Instant> answeredAt = new AtomicReference<>();
    CompletableFuture<Reply> first =
        CompletableFuture.supplyAsync(
            () -> {
              Reply reply =
                  http.post(path, pipeline, "text/csv", body, Map.of("Idempotency-Key", key));
              answeredAt.set(Instant.now());
              return reply;
            });
    awaitClaimed(stack, key);
    // The key is claimed before the rows are parsed and written: kill during that work.
    Thread.sleep(300 + (long) (Math.random() * 700));
    boolean killedInFlight = !first.isDone();
    Instant killedAt = Instant.now();
    stack.biomarkerService().kill();
    Reply interrupted = first.get();
    Duration answeredAfter = Duration.between(killedAt, answeredAt.get());
    long rowsAfterKill =
        count(
            stack,
            "SELECT count(*) FROM result WHERE trial_id = ? AND sample_id LIKE 'D2-%'",
            trial.id());

    stack.biomarkerService().start();
    Instant retryFrom = Instant.now();
    Reply retried;
    int inFlightAnswers = 0;
    while (true) {
      retried = http.post(path, pipeline, "text/csv", body, Map.of("Idempotency-Key", key));
      if (retried.status() != 409) {
        break;
      }
      inFlightAnswers++; // the dead attempt's claim holds until its lease runs out
      assertThat(Duration.between(retryFrom, Instant.now())).isLessThan(Duration.ofMinutes(2));
      Thread.sleep(1_000);
    }
    Reply replayed = http.post(path, pipeline, "text/csv", body, Map.of("Idempotency-Key", key));
    long rows =
        count(
            stack,
            "SELECT count(*) FROM result WHERE trial_id = ? AND sample_id LIKE 'D2-%'",
            trial.id());
    long batches =
        count(
            stack, "SELECT count(*) FROM batch WHERE trial_id = ? AND rows = " + ROWS, trial.id());

    DrillReport.print(
        "2 service killed mid-batch",
        "killed while in flight: %s; the interrupted client got %d %s%s %d ms after the kill;"
            + " rows after kill %d; retry with the same key after %d × 409 (%.1f s) → %d; replay →"
            + " %d; stored %d batch(es), %d rows",
        killedInFlight,
        interrupted.status(),
        interrupted.failure() == null ? "" : interrupted.failure(),
        interrupted.isProblem() ? " problem " + problemType(interrupted) : "",
        answeredAfter.toMillis(),
        rowsAfterKill,
        inFlightAnswers,
        Duration.between(retryFrom, Instant.now()).toMillis() / 1000.0,
        retried.status(),
        replayed.status(),
        batches,
        rows);
    assertThat(killedInFlight).as("the kill landed while the first POST was in flight").isTrue();
    assertThat(interrupted.status())
        .as("the interrupted POST is answered 502 (outcome unknown) or 503 (not sent)")
        .isIn(502, 503);
    assertThat(interrupted.isProblem()).as("the answer is a problem").isTrue();
    if (interrupted.status() == 502) {
      assertThat(problemType(interrupted)).endsWith("/outcome-unknown");
    }
    assertThat(answeredAfter)
        .as("the interrupted client is answered promptly, not at its own timeout")
        .isLessThan(Duration.ofMillis(PROMPT_MS));
    assertThat(rowsAfterKill).isZero();
    assertThat(retried.status()).isEqualTo(201);
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.body()).isEqualTo(retried.body());
    assertThat(batches).isEqualTo(1);
    assertThat(rows).isEqualTo(ROWS);
  }

  private static String problemType(Reply reply) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(reply.body())
          .path("type")
          .asText();
    } catch (java.io.IOException e) {
      return "(unreadable: " + reply.body() + ")";
    }
  }

  private static void awaitClaimed(PsybiomeStack stack, String key) {
    await("the key is claimed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> count(stack, "SELECT count(*) FROM idempotency_key WHERE key = ?", key) > 0);
  }
}
