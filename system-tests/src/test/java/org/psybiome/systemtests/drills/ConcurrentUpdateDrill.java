package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Drill 4: 50 concurrent updates of one trial, all with the same If-Match. Exactly one may win; the
 * other 49 must be told the record changed (412), and the version must advance by exactly one.
 */
@ExtendWith(StackExtension.class)
class ConcurrentUpdateDrill {

  private static final int WRITERS = 50;

  @Test
  void exactlyOneOfFiftyUpdatesWithTheSameIfMatchWins(PsybiomeStack stack) throws Exception {
    TestTrial trial = new Trials(stack.gatewayUri()).recruiting(stack.root(), "DRILL4", 1);
    DrillHttp http = new DrillHttp(stack.gatewayUri());
    String registrant = Tokens.bearer("registrant", "DRILL4");
    int versionBefore =
        Trials.parse(http.get("/api/v1/trials/" + trial.id(), null).body()).path("version").asInt();

    var secondaryIds = currentSecondaryIds(http, trial);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      ObjectNode record = Trials.record(stack.root());
      record.put("acronym", "DRILL4-" + i);
      record.put("changeReason", "Drill 4 writer " + i);
      record.set("secondaryIds", secondaryIds);
      replies.add(
          pool.submit(
              () -> {
                start.await();
                return http.put(
                    "/api/v1/trials/" + trial.id(),
                    registrant,
                    record.toString(),
                    Map.of("If-Match", trial.etag()));
              }));
    }
    start.countDown();
    int ok = 0;
    int stale = 0;
    List<String> other = new ArrayList<>();
    for (Future<Reply> future : replies) {
      Reply reply = future.get();
      if (reply.status() == 200) {
        ok++;
      } else if (reply.status() == 412 && reply.isProblem()) {
        stale++;
      } else {
        other.add(reply.status() + " " + reply.failure() + " " + reply.body());
      }
    }
    pool.shutdown();
    int versionAfter =
        Trials.parse(http.get("/api/v1/trials/" + trial.id(), null).body()).path("version").asInt();

    DrillReport.print(
        "4 concurrent If-Match",
        "%d writers: %d × 200, %d × 412, other %d; version %d → %d",
        WRITERS,
        ok,
        stale,
        other.size(),
        versionBefore,
        versionAfter);
    assertThat(other).as("responses other than 200 and 412").isEmpty();
    assertThat(ok).isEqualTo(1);
    assertThat(stale).isEqualTo(WRITERS - 1);
    assertThat(versionAfter).isEqualTo(versionBefore + 1);
  }

  /** The trial keeps its own secondary ids: another trial's would be a 409, not the point here. */
  private static com.fasterxml.jackson.databind.JsonNode currentSecondaryIds(
      DrillHttp http, TestTrial trial) {
    return Trials.parse(http.get("/api/v1/trials/" + trial.id(), null).body()).path("secondaryIds");
  }
}
