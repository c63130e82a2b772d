package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.LocalKafkaBroker;
import org.psybiome.testsupport.TestKafka;

/**
 * Drill 8: Kafka's data is lost while PostgreSQL keeps everything (decision 25). Trials are
 * registered and enrolled until biomarker-service knows them; its knowledge is fingerprinted. The
 * broker is killed, its data directory deleted and the broker started empty; biomarker-service's
 * trial knowledge is wiped (its two knowledge tables truncated) and the service restarted. An
 * operator's republication on trial-service's own port must rebuild exactly the fingerprint, and
 * new writes must flow to biomarker-service again.
 */
@ExtendWith(StackExtension.class)
class BrokerDataLossDrill {

  private static final int TRIALS = Integer.getInteger("drill.broker-loss.trials", 6);
  private static final int PER_ARM = Integer.getInteger("drill.broker-loss.per-arm", 10);
  private static final List<String> KNOWLEDGE = List.of("participant_allocation", "trial_snapshot");
  // when biomarker-service wrote a row, not what it knows
  private static final Set<String> WRITTEN_AT = Set.of("updated_at");

  /** The machine the drills run on may be shared and busy: waits are long, not tight. */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @Test
  void aRepublicationRebuildsWhatBiomarkerServiceKnew(PsybiomeStack stack) throws Exception {
    LocalKafkaBroker broker =
        TestKafka.get()
            .localBroker()
            .orElseThrow(() -> new IllegalStateException("needs a local broker to erase"));
    Trials trials = new Trials(stack.gatewayUri());
    List<TestTrial> registered = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      TestTrial trial = trials.recruiting(stack.root(), "DRILL8", PER_ARM);
      registered.add(trial);
    }
    for (TestTrial trial : registered) {
      trials.awaitKnownToBiomarker(trial, PATIENCE);
    }
    Map<String, String> before = knowledge(stack);

    Instant lost = Instant.now();
    broker.eraseData();
    broker.start();
    stack.biomarkerService().stop();
    try (Connection c = stack.biomarkerDatabase().connectAsOwner();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + String.join(", ", KNOWLEDGE));
    }
    stack.biomarkerService().start();
    Map<String, String> wiped = knowledge(stack);
    Instant restarted = Instant.now();

    DrillHttp trialService = new DrillHttp(stack.trialService().baseUri());
    DrillHttp.Reply refused =
        trialService.post(
            "/internal/v1/republish",
            Tokens.bearer("registrant", "DRILL8"),
            "application/json",
            "",
            Map.of());
    Instant republishing = Instant.now();
    DrillHttp.Reply republished =
        trialService.post(
            "/internal/v1/republish",
            Tokens.bearer("operator", null),
            "application/json",
            "",
            Map.of());
    Instant answered = Instant.now();
    assertThat(republished.status()).as(republished.body()).isEqualTo(200);
    await("biomarker-service's knowledge rebuilt")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> knowledge(stack).equals(before));
    Instant rebuilt = Instant.now();

    // New writes flow again: an enrolment through the gateway reaches biomarker-service.
    TestTrial first = registered.get(0);
    String code = first.id().substring(first.id().length() - 6) + "-AFTER";
    DrillHttp.Reply enrolled =
        new DrillHttp(stack.gatewayUri())
            .post(
                "/api/v1/trials/" + first.id() + "/participants",
                Tokens.bearer("registrant", "DRILL8"),
                "application/json",
                "{\"code\":\""
                    + code
                    + "\",\"arm\":\"Placebo\",\"enrolledOn\":\""
                    + LocalDate.now()
                    + "\"}",
                Map.of());
    assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
    Set<String> known =
        await("the new enrolment known to biomarker-service")
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    EnrolmentLoad.codes(
                        stack.biomarkerDatabase().connectAsOwner(),
                        "SELECT code FROM participant_allocation WHERE trial_id = ?",
                        first.id()),
                codes -> codes.contains(code));
    Instant flowed = Instant.now();

    DrillReport.print(
        "8 BrokerDataLossDrill",
        "%d DRILL8 trials x %d participants (stack total before: %s); broker data erased and"
            + " biomarker knowledge truncated (after restart: %s) in %.1f s; republish refused to a"
            + " registrant with %d, answered %d %s in %.1f s; knowledge fingerprint identical %.1f s"
            + " after the answer: %s; a new enrolment applied %.1f s after it was acknowledged"
            + " (%d participants then known in %s)",
        TRIALS,
        PER_ARM * 2,
        before,
        wiped,
        java.time.Duration.between(lost, restarted).toMillis() / 1000.0,
        refused.status(),
        republished.status(),
        republished.body(),
        java.time.Duration.between(republishing, answered).toMillis() / 1000.0,
        java.time.Duration.between(answered, rebuilt).toMillis() / 1000.0,
        knowledge(stack).keySet(),
        java.time.Duration.between(rebuilt, flowed).toMillis() / 1000.0,
        known.size(),
        first.id());
    assertThat(TableFingerprints.rows(wiped)).as("knowledge after the wipe").isZero();
    assertThat(TableFingerprints.rows(before))
        .as("the drill's own trials and participants were known")
        .isGreaterThanOrEqualTo(TRIALS + TRIALS * PER_ARM * 2L);
    assertThat(refused.status()).as("republish as a registrant").isEqualTo(403);
    assertThat(known).hasSize(PER_ARM * 2 + 1);
  }

  private static Map<String, String> knowledge(PsybiomeStack stack) throws Exception {
    try (Connection c = stack.biomarkerDatabase().connectAsOwner()) {
      return TableFingerprints.ofTables(c, KNOWLEDGE, WRITTEN_AT);
    }
  }
}
