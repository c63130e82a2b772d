package org.psybiome.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event latency, commit to consumer: a participant is enrolled at trial-service (its 201 comes
 * after the commit that also wrote the outbox row), and the time runs until the allocation is
 * visible in biomarker-service's database, i.e. the event was relayed to Kafka, consumed and its
 * transaction committed there. Visibility is polled every millisecond over one JDBC connection. One
 * event at a time, with a random pause between them.
 */
final class EventLatencyBenchmark {

  private final BenchTrials trials;
  private final Databases databases;
  private final Report report;

  EventLatencyBenchmark(BenchTrials trials, Databases databases, Report report) {
    this.trials = trials;
    this.databases = databases;
    this.report = report;
  }

  void run(Path template, int events) throws Exception {
    String trialId = trials.register(template, null, events + 10);
    trials.awaitKnown(trialId, 0, Duration.ofMinutes(2));
    List<String> arms = trials.armLabels(trialId);
    Progress.say("events: %d enrolments in %s, each awaited in biomarker-service", events, trialId);
    Latencies latencies = new Latencies();
    try (Connection biomarker = databases.biomarker();
        PreparedStatement visible =
            biomarker.prepareStatement(
                "SELECT 1 FROM participant_allocation WHERE trial_id = ? AND code = ?")) {
      visible.setString(1, trialId);
      int warmup = 10;
      for (int i = 0; i < events + warmup; i++) {
        String code = String.format("EL-%05d", i);
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
    report.put("event_latency_p50_ms", Report.round(latencies.percentileMs(50), 1));
    report.put("event_latency_p99_ms", Report.round(latencies.percentileMs(99), 1));
    report.meta("event_count", latencies.count());
    report.meta("event_latency_max_ms", latencies.percentileMs(100));
  }

  private static boolean exists(PreparedStatement visible) throws Exception {
    try (ResultSet row = visible.executeQuery()) {
      return row.next();
    }
  }
}
