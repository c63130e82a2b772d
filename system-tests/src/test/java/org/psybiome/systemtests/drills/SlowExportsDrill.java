package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.drills.DrillHttp.Reply;
import org.psybiome.systemtests.drills.SlowExport.Outcome;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.TestDatabase;

/**
 * Drill 10: 50 clients of five consortia start result exports of their consortium's trial (120 000
 * results each) and read them very slowly (the first consortium's ten, then the forty others at
 * once), while writers keep enrolling participants and posting result batches through the gateway.
 * Exports are capped (8 per biomarker-service instance, 3 per consortium: {@code ExportPermits}),
 * so the slow downloads must not take the connections the writes need. Asserted: every write
 * answered 2xx (no 5xx, no timeout); every export beyond the caps refused with a 429 or 503 problem
 * with {@code Retry-After} and nothing of an export in it; the caps held all through the writes (a
 * probe export of a sixth consortium, every 5 s, is refused 503); the admitted exports, still open
 * when the writes end, then read at full speed to their end with every result of their trial; once
 * all have closed, a new export is admitted and complete.
 */
@ExtendWith(StackExtension.class)
class SlowExportsDrill {

  private static final String DRILL = "10 slow exports";
  private static final int CONSORTIA = 5;
  private static final int CLIENTS_PER_CONSORTIUM = 10;
  private static final int MAX_CONCURRENT = 8;
  private static final int MAX_PER_CONSORTIUM = 3;

  /**
   * Results per exported trial: its NDJSON export (about 0.4 KB a line, 48 MB) must outlast what
   * the kernel and the gateway buffer between a paused reader and biomarker-service (per export, up
   * to a socket's send queue of 4 MB on each hop and a receive queue of up to 32 MB on this
   * machine), so that the server is still writing it when the writes end; the probes check that the
   * places stay taken. With 60 000 (24 MB) one run of two saw the places given back within 10 s.
   */
  private static final int ROWS = 120_000;

  private static final int ROWS_PER_BATCH = 10_000;
  private static final int WRITERS = 4;
  private static final Duration WRITING = Duration.ofSeconds(60);
  private static final Duration PROBE_EVERY = Duration.ofSeconds(5);

  @Test
  void writesKeepSucceedingWhileFiftySlowExportsRun(PsybiomeStack stack) throws Exception {
    Trials trials = new Trials(stack.gatewayUri());
    DrillHttp http = new DrillHttp(stack.gatewayUri());

    // one trial of many results per exporting consortium, loaded in parallel
    List<String> consortia = new ArrayList<>();
    for (int c = 0; c < CONSORTIA; c++) {
      consortia.add("DRILL10-C" + c);
    }
    Map<String, TestTrial> exported = new ConcurrentHashMap<>();
    ExecutorService loaders = Executors.newFixedThreadPool(CONSORTIA);
    List<Future<?>> loading = new ArrayList<>();
    Instant loadStarted = Instant.now();
    for (String consortium : consortia) {
      loading.add(
          loaders.submit(
              () -> {
                TestTrial trial = trials.recruiting(stack.root(), consortium, 10);
                trials.awaitKnownToBiomarker(trial, Duration.ofSeconds(120));
                for (int b = 0; b < ROWS / ROWS_PER_BATCH; b++) {
                  Reply stored =
                      http.post(
                          "/api/v1/trials/" + trial.id() + "/results",
                          Tokens.bearer("loader-" + consortium, "pipeline", consortium),
                          "text/csv",
                          ResultBatches.csv(trial, ROWS_PER_BATCH, consortium + "-B" + b),
                          Map.of());
                  assertThat(stored.status())
                      .as("loading %s: %s", trial.id(), stored)
                      .isEqualTo(201);
                }
                exported.put(consortium, trial);
                return null;
              }));
    }
    TestTrial writerTrial = trials.recruiting(stack.root(), "DRILL10-W", 5);
    trials.awaitKnownToBiomarker(writerTrial, Duration.ofSeconds(120));
    TestTrial probeTrial = trials.recruiting(stack.root(), "DRILL10-PROBE", 2);
    trials.awaitKnownToBiomarker(probeTrial, Duration.ofSeconds(120));
    for (Future<?> f : loading) {
      f.get();
    }
    loaders.shutdown();
    double loadSeconds = seconds(loadStarted, Instant.now());
    Map<String, Long> stored = new TreeMap<>();
    for (var trial : exported.entrySet()) {
      stored.put(trial.getKey(), results(stack.biomarkerDatabase(), trial.getValue().id()));
    }
    long probeRows = results(stack.biomarkerDatabase(), probeTrial.id());

    // 50 slow exports, started together
    HttpClient exportClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool())
            .build();
    // the first consortium's ten go first, so that its share is taken and its cap is exercised
    // whatever the order of the others; then the forty others together
    CountDownLatch firstAnswered = new CountDownLatch(CLIENTS_PER_CONSORTIUM);
    CountDownLatch answered = new CountDownLatch((CONSORTIA - 1) * CLIENTS_PER_CONSORTIUM);
    CountDownLatch hurry = new CountDownLatch(1);
    CountDownLatch goFirst = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService exporters = Executors.newCachedThreadPool();
    List<Future<Outcome>> exports = new ArrayList<>();
    for (int c = 0; c < CONSORTIA; c++) {
      String consortium = consortia.get(c);
      for (int i = 0; i < CLIENTS_PER_CONSORTIUM; i++) {
        SlowExport export =
            new SlowExport(
                exportClient,
                stack
                    .gatewayUri()
                    .resolve(
                        "/api/v1/trials/"
                            + exported.get(consortium).id()
                            + "/results/export?format=ndjson"),
                // a subject of its own: the gateway's rate limit is per subject
                Tokens.bearer("exporter-" + c + "-" + i, "reader", consortium),
                consortium);
        CountDownLatch start = c == 0 ? goFirst : go;
        CountDownLatch heads = c == 0 ? firstAnswered : answered;
        exports.add(
            exporters.submit(
                () -> {
                  start.await();
                  return export.run(heads, hurry);
                }));
      }
    }
    Instant exportsStarted = Instant.now();
    goFirst.countDown();
    boolean allAnswered = firstAnswered.await(60, TimeUnit.SECONDS);
    go.countDown();
    allAnswered &= answered.await(60, TimeUnit.SECONDS);
    double headsSeconds = seconds(exportsStarted, Instant.now());

    // the writes, and a probe export of a consortium running none every few seconds
    List<String> probes = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();
    String probeBearer = Tokens.bearer("probe", "reader", "DRILL10-PROBE");
    prober.scheduleAtFixedRate(
        () -> {
          Reply probe =
              http.get(
                  "/api/v1/trials/" + probeTrial.id() + "/results/export?format=ndjson",
                  probeBearer);
          probes.add(
              probe.status()
                  + (probe.status() == 503
                          && probe.isProblem()
                          && probe.header("Retry-After") != null
                      ? ""
                      : " " + probe.failure() + " " + abbreviate(probe.body())));
        },
        0,
        PROBE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    Map<String, AtomicInteger> writeOutcomes = new ConcurrentHashMap<>();
    List<String> wrongWrites = Collections.synchronizedList(new ArrayList<>());
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger sequence = new AtomicInteger();
    Instant writesStarted = Instant.now();
    Instant writesEnd = writesStarted.plus(WRITING);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> writing = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String registrant = Tokens.bearer("writer-registrant-" + w, "registrant", "DRILL10-W");
      String pipeline = Tokens.bearer("writer-pipeline-" + w, "pipeline", "DRILL10-W");
      writing.add(
          writers.submit(
              () -> {
                while (Instant.now().isBefore(writesEnd)) {
                  int n = sequence.incrementAndGet();
                  String kind = n % 2 == 0 ? "enrolment" : "result batch";
                  long started = System.nanoTime();
                  Reply reply =
                      n % 2 == 0
                          ? http.post(
                              "/api/v1/trials/" + writerTrial.id() + "/participants",
                              registrant,
                              "application/json",
                              "{\"code\":\"SX-"
                                  + n
                                  + "\",\"arm\":\"Placebo\",\"enrolledOn\":\""
                                  + LocalDate.now()
                                  + "\"}",
                              Map.of())
                          : http.post(
                              "/api/v1/trials/" + writerTrial.id() + "/results",
                              pipeline,
                              "text/csv",
                              ResultBatches.csv(writerTrial, 60, "SX-" + n),
                              Map.of());
                  latencies.add((System.nanoTime() - started) / 1_000_000);
                  String label = reply.status() != 0 ? String.valueOf(reply.status()) : "none";
                  writeOutcomes
                      .computeIfAbsent(kind + " " + label, k -> new AtomicInteger())
                      .incrementAndGet();
                  if (reply.status() / 100 != 2) {
                    wrongWrites.add(
                        kind
                            + " "
                            + label
                            + " "
                            + reply.failure()
                            + " "
                            + abbreviate(reply.body()));
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : writing) {
      f.get();
    }
    writers.shutdown();
    prober.shutdown();
    prober.awaitTermination(60, TimeUnit.SECONDS);
    Instant writesEnded = Instant.now();
    // where the admitted exports' bytes wait while their readers are slow: the kernel's socket
    // queues of each hop and each process's memory, taken before the readers hurry
    String buffered =
        BufferedBytes.snapshot(stack.gatewayUri().getPort(), stack.biomarkerService().port());

    // the admitted exports, read at full speed to their end
    hurry.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : exports) {
      outcomes.add(f.get(10, TimeUnit.MINUTES));
    }
    exporters.shutdown();
    Instant exportsEnded = Instant.now();
    List<Outcome> admitted = outcomes.stream().filter(Outcome::admitted).toList();
    List<Outcome> refused = outcomes.stream().filter(o -> !o.admitted()).toList();
    Map<String, Long> admittedPerConsortium =
        admitted.stream()
            .collect(
                Collectors.groupingBy(Outcome::consortium, TreeMap::new, Collectors.counting()));
    Map<Integer, Long> refusedByStatus =
        refused.stream()
            .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    List<String> badRefusals =
        refused.stream()
            .filter(o -> !o.refusedAsProblemWithRetryAfter())
            .map(
                o ->
                    o.status()
                        + " "
                        + o.contentType()
                        + " Retry-After "
                        + o.retryAfter()
                        + " "
                        + o.failure()
                        + " "
                        + abbreviate(o.problem()))
            .toList();
    List<String> wrongCounts =
        admitted.stream()
            .filter(o -> o.lines() != stored.get(o.consortium()))
            .map(
                o ->
                    o.consortium()
                        + ": "
                        + o.lines()
                        + " lines of "
                        + stored.get(o.consortium())
                        + (o.failure() != null ? " " + o.failure() : ""))
            .toList();
    long endedDuringWrites =
        admitted.stream().filter(o -> o.endedAt().isBefore(writesEnded)).count();
    Map<String, Long> retryAfters =
        refused.stream()
            .filter(o -> o.retryAfter() != null)
            .collect(
                Collectors.groupingBy(Outcome::retryAfter, TreeMap::new, Collectors.counting()));

    // all closed: a new export is admitted and complete
    Instant afterStarted = Instant.now();
    Outcome after =
        new SlowExport(
                exportClient,
                stack
                    .gatewayUri()
                    .resolve("/api/v1/trials/" + probeTrial.id() + "/results/export?format=ndjson"),
                probeBearer,
                "DRILL10-PROBE")
            .run(new CountDownLatch(1), hurry);
    double afterSeconds = seconds(afterStarted, Instant.now());

    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    long writes = sorted.size();
    DrillReport.print(
        DRILL,
        "%d trials of %s results loaded in %.1f s; %d exports (%d consortia × %d) answered in"
            + " %.1f s (all: %s): %d admitted %s, %d refused %s, Retry-After %s, %d refusals not"
            + " a 429/503 problem with Retry-After; %d writes in %.0f s by %d writers %s, %d not"
            + " 2xx, latency p50 %d ms, p95 %d ms, max %d ms; %d probes of a sixth consortium"
            + " during the writes %s; admitted exports ended during the writes: %d; read to their"
            + " end %.1f s after the writes, %d with a wrong line count; after all closed a new"
            + " export: %d, %d lines of %d, in %.1f s",
        stored.size(),
        stored.values(),
        loadSeconds,
        outcomes.size(),
        CONSORTIA,
        CLIENTS_PER_CONSORTIUM,
        headsSeconds,
        allAnswered,
        admitted.size(),
        admittedPerConsortium,
        refused.size(),
        refusedByStatus,
        retryAfters,
        badRefusals.size(),
        writes,
        seconds(writesStarted, writesEnded),
        WRITERS,
        new TreeMap<>(writeOutcomes),
        wrongWrites.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        writes == 0 ? 0 : sorted.get(sorted.size() - 1),
        probes.size(),
        summary(probes),
        endedDuringWrites,
        seconds(writesEnded, exportsEnded),
        wrongCounts.size(),
        after.status(),
        after.lines(),
        probeRows,
        afterSeconds);
    DrillReport.detail(DRILL, "at the end of the writes, before the readers hurried: %s", buffered);
    badRefusals.forEach(b -> DrillReport.detail(DRILL, "refusal not as specified: %s", b));
    wrongWrites.forEach(w -> DrillReport.detail(DRILL, "write not 2xx: %s", w));
    wrongCounts.forEach(w -> DrillReport.detail(DRILL, "wrong line count: %s", w));

    assertThat(allAnswered).as("every export answered (its head) within 60 s").isTrue();
    assertThat(wrongWrites).as("writes answered other than 2xx (5xx, timeouts, ...)").isEmpty();
    assertThat(writes).as("writes made while the exports ran").isGreaterThanOrEqualTo(WRITERS);
    assertThat(admitted).as("exports admitted: the instance's cap").hasSize(MAX_CONCURRENT);
    assertThat(admittedPerConsortium.values())
        .as("exports admitted per consortium")
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(MAX_PER_CONSORTIUM));
    assertThat(badRefusals)
        .as("refusals that are not a 429/503 problem about exports with Retry-After")
        .isEmpty();
    assertThat(admittedPerConsortium.get(consortia.get(0)))
        .as("the first consortium, alone at first: its share")
        .isEqualTo(MAX_PER_CONSORTIUM);
    assertThat(refusedByStatus.keySet()).containsExactlyInAnyOrder(429, 503);
    assertThat(refusedByStatus.get(429))
        .as("429s: at least the first consortium's clients beyond its share")
        .isGreaterThanOrEqualTo(CLIENTS_PER_CONSORTIUM - MAX_PER_CONSORTIUM);
    assertThat(probes)
        .as(
            "probe exports during the writes, each refused 503 with Retry-After: the places stay"
                + " taken")
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).isEqualTo("503"));
    assertThat(endedDuringWrites).as("admitted exports that ended before the writes did").isZero();
    assertThat(wrongCounts).as("admitted exports without every result of their trial").isEmpty();
    assertThat(after.status()).as("a new export once all have closed: %s", after).isEqualTo(200);
    assertThat(after.lines()).isEqualTo(probeRows);
  }

  /** Results stored for a trial, read from biomarker-service's database. */
  private static long results(TestDatabase database, String trialId) throws Exception {
    try (Connection connection = database.connectAsOwner();
        PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM result WHERE trial_id = ?")) {
      count.setString(1, trialId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static Map<String, Long> summary(List<String> probes) {
    return probes.stream()
        .collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
  }

  private static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
