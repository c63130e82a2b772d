package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;

/**
 * Drill 7: the registry allocates under contention. A masked trial randomised in stratified
 * permuted blocks; trial-service as three processes over one database; 50 enrolments into the same
 * stratum released together by a latch, spread over the three processes. Every enrolment must be
 * acknowledged, and the stratum's used slots must be exactly positions 1 to 50, each given to one
 * acknowledged participant whose stored arm is the slot's: no slot handed out twice, none skipped,
 * whichever process served the request.
 */
@ExtendWith(StackExtension.class)
class ConcurrentAllocationDrill {

  private static final int ENROLMENTS = Integer.getInteger("drill.allocation.enrolments", 50);
  private static final String CONSORTIUM = "DRILL7";
  private static final String STRATUM = "CRP=GE3";

  @Test
  void concurrentEnrolmentsTakeEachSlotOnceInOrder(PsybiomeStack stack) throws Exception {
    var record = Trials.record(stack.root());
    var randomisation = record.withObject("/design").putObject("randomisation");
    randomisation.put("method", "STRATIFIED_PERMUTED_BLOCKS");
    randomisation.putArray("blockSizeMultipliers").add(1).add(2).add(3);
    var factor = randomisation.putArray("factors").addObject();
    factor.put("code", "CRP").putArray("levels").add("LT3").add("GE3");
    // fewer slots than enrolments: the stratum must also be extended under contention
    record.put("targetSampleSize", 20);
    DrillHttp gateway = new DrillHttp(stack.gatewayUri());
    String registrant = Tokens.bearer("registrant", CONSORTIUM);
    var created =
        gateway.post("/api/v1/trials", registrant, "application/json", record.toString(), Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = Trials.parse(created.body()).path("id").asText();
    var recruiting =
        gateway.post(
            "/api/v1/trials/" + id + "/status",
            registrant,
            "application/json",
            "{\"status\":\"RECRUITING\",\"effectiveDate\":\"" + LocalDate.now() + "\"}",
            Map.of("If-Match", created.header("ETag")));
    assertThat(recruiting.status()).as(recruiting.body()).isEqualTo(200);

    List<ServiceProcess> processes = new ArrayList<>();
    processes.add(stack.trialService());
    processes.add(stack.extraTrialService("trial-service-allocation-1"));
    processes.add(stack.extraTrialService("trial-service-allocation-2"));
    List<DrillHttp> clients = processes.stream().map(p -> new DrillHttp(p.baseUri())).toList();

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(ENROLMENTS);
    List<Future<DrillHttp.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < ENROLMENTS; i++) {
      DrillHttp client = clients.get(i % clients.size());
      String body =
          String.format(
              "{\"code\":\"D7-%03d\",\"strata\":{\"CRP\":\"GE3\"},\"enrolledOn\":\"%s\"}",
              i + 1, LocalDate.now());
      replies.add(
          pool.submit(
              () -> {
                go.await();
                return client.post(
                    "/api/v1/trials/" + id + "/participants",
                    registrant,
                    "application/json",
                    body,
                    Map.of());
              }));
    }
    Instant released = Instant.now();
    go.countDown();
    Map<Integer, Integer> statuses = new HashMap<>();
    for (Future<DrillHttp.Reply> reply : replies) {
      statuses.merge(reply.get().status(), 1, Integer::sum);
    }
    Duration took = Duration.between(released, Instant.now());
    pool.shutdown();

    List<Integer> positions = new ArrayList<>();
    int mismatched = 0;
    int unused = 0;
    try (Connection db = stack.trialDatabase().connectAsOwner();
        PreparedStatement slots =
            db.prepareStatement(
                "SELECT s.position, s.participant_code, s.arm_code, p.arm_code"
                    + " FROM allocation_slot s LEFT JOIN participant p"
                    + " ON p.trial_id = s.trial_id AND p.code = s.participant_code"
                    + " WHERE s.trial_id = ? AND s.stratum = ? ORDER BY s.position")) {
      slots.setString(1, id);
      slots.setString(2, STRATUM);
      try (ResultSet rows = slots.executeQuery()) {
        while (rows.next()) {
          if (rows.getString(2) == null) {
            unused++;
            continue;
          }
          positions.add(rows.getInt(1));
          if (!rows.getString(3).equals(rows.getString(4))) {
            mismatched++;
          }
        }
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= ENROLMENTS; i++) {
      expected.add(i);
    }
    DrillReport.print(
        "7 concurrent allocation",
        "%d enrolments into one stratum released together over %d trial-service processes in %d"
            + " ms: answers %s; %d slots used, positions %s; %d unused slots left in the stratum;"
            + " %d participants whose arm is not their slot's",
        ENROLMENTS,
        processes.size(),
        took.toMillis(),
        statuses,
        positions.size(),
        positions.equals(expected) ? "exactly 1.." + ENROLMENTS : positions,
        unused,
        mismatched);
    for (ServiceProcess extra : processes.subList(1, processes.size())) {
      extra.stop();
    }
    assertThat(statuses).isEqualTo(Map.of(201, ENROLMENTS));
    assertThat(positions).isEqualTo(expected);
    assertThat(mismatched).isZero();
  }
}
