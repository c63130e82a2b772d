package org.psybiome.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trials of the benchmark's own consortium, registered and enrolled through the API from the demo
 * trials of {@code demo/trials}: the benchmark works on real trial-service records and on what
 * biomarker-service learnt of them from events, never on hand-made ones.
 */
final class BenchTrials {

  static final String CONSORTIUM = "PSYBENCH";
  static final ObjectMapper JSON = new ObjectMapper();

  private final Stack stack;
  private final Http http;
  private final Databases databases;
  private final Path demoTrials;
  private final String registrant;
  private final String runTag;
  private int registered;

  BenchTrials(
      Stack stack,
      Http http,
      Databases databases,
      TokenMinter minter,
      Path demoTrials,
      String tag) {
    this.stack = stack;
    this.http = http;
    this.databases = databases;
    this.demoTrials = demoTrials;
    this.registrant = minter.mint("bench-registrant@" + CONSORTIUM, "registrant", CONSORTIUM);
    this.runTag = tag;
  }

  /** The demo trial files, sorted: the templates of every benchmark trial. */
  List<Path> templates() throws Exception {
    try (var files = Files.list(demoTrials)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /**
   * Registers a copy of {@code template} (secondary ids dropped: they belong to the demo trial) and
   * opens it for recruitment. {@code visits}, when given, replaces the schedule.
   */
  String register(Path template, ArrayNode visits, int targetSampleSize) throws Exception {
    ObjectNode trial = (ObjectNode) JSON.readTree(Files.readString(template));
    trial.remove("secondaryIds");
    // The benchmarks enrol by arm; a copy the registry randomises would refuse that (400).
    if (trial.path("design") instanceof ObjectNode design) {
      design.remove("randomisation");
    }
    String acronym = "BENCH-" + runTag + "-" + (++registered);
    trial.put("acronym", acronym);
    trial.put("publicTitle", "[benchmark " + acronym + "] " + trial.path("publicTitle").asText());
    trial.put(
        "targetSampleSize", Math.max(targetSampleSize, trial.path("targetSampleSize").asInt()));
    if (visits != null) {
      ((ObjectNode) trial.path("schedule")).set("visits", visits);
    }
    HttpResponse<String> created =
        Http.expect(
            http.send(
                "POST",
                stack.gateway().resolve("/api/v1/trials"),
                registrant,
                "application/json",
                JSON.writeValueAsBytes(trial),
                Map.of()),
            201);
    String id = JSON.readTree(created.body()).path("id").asText();
    Http.expect(
        http.send(
            "POST",
            stack.gateway().resolve("/api/v1/trials/" + id + "/status"),
            registrant,
            "application/json",
            ("{\"status\":\"RECRUITING\",\"effectiveDate\":\"" + LocalDate.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            Map.of("If-Match", created.headers().firstValue("ETag").orElseThrow())),
        200);
    return id;
  }

  List<String> armLabels(String trialId) {
    JsonNode trial = read(trialId);
    List<String> labels = new ArrayList<>();
    trial.path("arms").forEach(arm -> labels.add(arm.path("label").asText()));
    return labels;
  }

  JsonNode read(String trialId) {
    try {
      return JSON.readTree(
          Http.expect(
                  http.get(stack.gateway().resolve("/api/v1/trials/" + trialId), registrant), 200)
              .body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Enrols one participant, straight at trial-service (set-up, not measured, not rate limited). */
  HttpResponse<String> enrol(String trialId, String code, String arm) {
    return Http.expect(
        http.send(
            "POST",
            stack.trialService().resolve("/api/v1/trials/" + trialId + "/participants"),
            registrant,
            "application/json",
            ("{\"code\":\""
                    + code
                    + "\",\"arm\":\""
                    + arm
                    + "\",\"enrolledOn\":\""
                    + LocalDate.now()
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8),
            Map.of()),
        201);
  }

  /** Enrols {@code codes}, alternating arms, on a few threads. */
  void enrolAll(String trialId, List<String> codes, List<String> arms, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        String arm = arms.get(i % arms.size());
        pending.add(pool.submit(() -> enrol(trialId, code, arm)));
      }
      for (Future<?> f : pending) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Waits until biomarker-service has learnt the trial and {@code participants} of it. */
  void awaitKnown(String trialId, int participants, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection biomarker = databases.biomarker()) {
      while (true) {
        long snapshots =
            Databases.count(
                biomarker,
                "SELECT count(*) FROM trial_snapshot WHERE trial_id = ? AND status = 'RECRUITING'",
                trialId);
        long known =
            Databases.count(
                biomarker,
                "SELECT count(*) FROM participant_allocation WHERE trial_id = ?",
                trialId);
        if (snapshots == 1 && known >= participants) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "biomarker-service knows "
                  + known
                  + " of "
                  + participants
                  + " participants of "
                  + trialId
                  + " after "
                  + timeout);
        }
        Thread.sleep(200);
      }
    }
  }

  /** Posts one CSV batch through the gateway with a fresh Idempotency-Key; expects 201. */
  void postBatch(String trialId, String pipelineToken, byte[] csv) {
    Http.expect(
        http.send(
            "POST",
            gateway("/api/v1/trials/" + trialId + "/results"),
            pipelineToken,
            "text/csv",
            csv,
            Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())),
        201);
  }

  /** Results stored for a trial, derived ones (KYN/TRP ratio, Shannon diversity) left out. */
  long postedResults(String trialId) throws Exception {
    try (Connection biomarker = databases.biomarker()) {
      return Databases.count(
          biomarker,
          "SELECT count(*) FROM result r JOIN analyte a ON a.code = r.analyte_code"
              + " WHERE r.trial_id = ? AND NOT a.derived",
          trialId);
    }
  }

  URI gateway(String path) {
    return stack.gateway().resolve(path);
  }
}
