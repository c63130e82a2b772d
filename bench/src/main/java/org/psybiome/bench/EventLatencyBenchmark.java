package org.psybiome.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event latency, commit to consumer: a participant is enrolled at trial-service (its 201 comes
 * after the commit that also wrote the outbox row), and the time runs until the allocation is
 * visible in biomarker-service's database, i.e. the event was relayed to Kafka, consumed and its
 * transaction committed there. Visibility is polled every millisecond over one JDBC connection. One
 * event at a time, with a random pause between them; first with nothing else flowing, then while
 * {@link BackgroundWrites} enrol 200 participants a second into another trial.
 */
final class EventLatencyBenchmark {

  private final BenchTrials trials;
  private final Databases databases;
  private final Stack stack;
  private final Report report;

  EventLatencyBenchmark(BenchTrials trials, Databases databases, Report report, Stack stack) {
    this.trials = trials;
    this.databases = databases;
    this.stack = stack;
    this.report = report;
  }

  /** Writes a second ("background") trial receives while the loaded half is measured. */
  static final int BACKGROUND_WRITES_PER_SECOND = 200;

  /** Trials the background writes are spread over. */
  static final int BACKGROUND_TRIALS = 8;

  /**
   * Measures {@code events} events with nothing else flowing, then as many again while {@link
   * #BACKGROUND_WRITES_PER_SECOND} enrolments a second flow into another trial (issue #15's
   * condition). The report's {@code event_latency_*} keys are the loaded figures.
   */
  void run(Path template, int events) throws Exception {
    String trialId = trials.register(template, null, 2 * events + 20);
    List<String> busyIds = new java.util.ArrayList<>();
    List<List<String>> busyArms = new java.util.ArrayList<>();
    for (int i = 0; i < BACKGROUND_TRIALS; i++) {
      busyIds.add(trials.register(template, null, 100_000));
    }
    trials.awaitKnown(trialId, 0, Duration.ofMinutes(2));
    for (String busyId : busyIds) {
      trials.awaitKnown(busyId, 0, Duration.ofMinutes(2));
      busyArms.add(trials.armLabels(busyId));
    }
    List<String> arms = trials.armLabels(trialId);
    compilersQuiet("idle");
    Progress.say("events: %d enrolments in %s, each awaited in biomarker-service", events, trialId);
    Latencies idle = measure(trialId, arms, "EL-I", events);
    // the idle half enrolled through the same path the background uses: let its compiles finish
    compilersQuiet("loaded");
    Progress.say(
        "events: idle p50 %.1f ms, p99 %.1f ms; now with %d writes/s into %d other trials",
        idle.percentileMs(50),
        idle.percentileMs(99),
        BACKGROUND_WRITES_PER_SECOND,
        BACKGROUND_TRIALS);
    Latencies loaded;
    BackgroundWrites.Figures flowed;
    // the whole pipeline's CPU while enrolments flow: trial-service (enrolment, outbox relay),
    // Kafka, biomarker-service (consumer), PostgreSQL
    CpuTimes cpu = new CpuTimes(stack, "trial-service", "kafka", "biomarker-service");
    Map<String, Long> cpuBefore;
    Map<String, Long> cpuAfter;
    long cpuWindow;
    try (BackgroundWrites background = BackgroundWrites.enrolling(trials, busyIds, busyArms)) {
      // the window spans the whole flow, so every enrolment counted below falls inside it
      cpuBefore = cpu.snapshot();
      cpuWindow = System.nanoTime();
      background.start(BACKGROUND_WRITES_PER_SECOND);
      // A fixed 3 s before the first measured event, as a warm-up is: the services' pools and
      // the consumer's batches fill with background writes; no state marks "settled" (the rate
      // the flow reaches is itself a result, reported below), so there is no condition to await.
      Thread.sleep(3_000);
      loaded = measure(trialId, arms, "EL-L", events);
      flowed = background.stop();
      cpuAfter = cpu.snapshot();
      cpuWindow = System.nanoTime() - cpuWindow;
    }
    cpuBefore.remove("generator"); // the senders are threads of this JVM, not a child process
    long enrolments = flowed.acknowledged() + loaded.count();
    Map<String, Double> perEnrolment = CpuTimes.perRequest(cpuBefore, cpuAfter, enrolments);
    double busyCores = CpuTimes.busyCores(cpuBefore, cpuAfter, cpuWindow / 1e9);
    Progress.say(
        "events: CPU per enrolment while loaded (us): %s; these processes kept %.2f cores busy",
        perEnrolment, busyCores);
    report.meta("event_cpu_us_per_enrolment_loaded", perEnrolment);
    report.meta("event_cpu_cores_busy_loaded", Report.round(busyCores, 2));
    Progress.say(
        "events: loaded p50 %.1f ms, p99 %.1f ms; background %,d acknowledged in %.1f s (%.0f/s),"
            + " %d failed, %d ticks missed (all %d senders busy)",
        loaded.percentileMs(50),
        loaded.percentileMs(99),
        flowed.acknowledged(),
        flowed.seconds(),
        flowed.acknowledgedPerSecond(),
        flowed.failed(),
        flowed.missed(),
        BackgroundWrites.SENDERS);
    report.put("event_latency_p50_ms", Report.round(loaded.percentileMs(50), 1));
    report.put("event_latency_p99_ms", Report.round(loaded.percentileMs(99), 1));
    report.meta("event_count", loaded.count());
    report.meta("event_latency_max_ms", loaded.percentileMs(100));
    report.meta("event_latency_idle_p50_ms", idle.percentileMs(50));
    report.meta("event_latency_idle_p99_ms", idle.percentileMs(99));
    report.meta("event_background_writes_target_per_s", BACKGROUND_WRITES_PER_SECOND);
    report.meta("event_background_writes_per_s", flowed.acknowledgedPerSecond());
    report.meta("event_background_writes_failed", flowed.failed());
    report.meta("event_background_ticks_missed", flowed.missed());
    report.meta("event_background_trials", BACKGROUND_TRIALS);
  }

  /** Waits for the services' C2 compilers (see {@link JitQuiet}) and records how long. */
  private void compilersQuiet(String half) throws InterruptedException {
    Duration waited =
        JitQuiet.await(stack, Duration.ofMinutes(3), "trial-service", "biomarker-service");
    Progress.say(
        "events: compilers quiet after %d s (before the %s half)", waited.toSeconds(), half);
    report.meta("event_waited_for_compilers_s_" + half, waited.toSeconds());
  }

  /** One event at a time, each awaited in biomarker-service, with a random pause between. */
  private Latencies measure(String trialId, List<String> arms, String prefix, int events)
      throws Exception {
    Latencies latencies = new Latencies();
    try (Connection biomarker = databases.biomarker();
        PreparedStatement visible =
            biomarker.prepareStatement(
                "SELECT 1 FROM participant_allocation WHERE trial_id = ? AND code = ?")) {
      visible.setString(1, trialId);
      int warmup = 10;
      for (int i = 0; i < events + warmup; i++) {
        String code = String.format("%s-%05d", prefix, i);
        visible.setString(2, code);
        HttpResponse<String> enrolled = trials.enrol(trialId, code, arms.get(i % arms.size()));
        long committed = System.nanoTime();
        long deadline = committed + Duration.ofSeconds(30).toNanos();
        while (!exists(visible)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "the enrolment of " + code + " never reached biomarker-service");
          }
          Thread.sleep(1);
        }
        if (i >= warmup && enrolled.statusCode() == 201) {
          latencies.recordNanos(System.nanoTime() - committed);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 25));
      }
    }
    return latencies;
  }

  private static boolean exists(PreparedStatement visible) throws Exception {
    try (ResultSet row = visible.executeQuery()) {
      return row.next();
    }
  }
}
