package org.psybiome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each service's resident set (VmRSS) every half second for the whole run, so the report
 * has its peak beside the figure at the end: a service that swells while ingesting and gives the
 * memory back would look small if only read at the end. The pid is read from {@code ./psybiome
 * up}'s pid file at every sample, so a restart (the startup part) is followed.
 */
final class RssSampler implements AutoCloseable {

  static final long PERIOD_MS = 500;

  private final Stack stack;
  private final Map<String, Long> peakKb = new LinkedHashMap<>();
  private final Map<String, Integer> samples = new LinkedHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "rss-sampler");
            thread.setDaemon(true);
            return thread;
          });

  RssSampler(Stack stack) {
    this.stack = stack;
  }

  RssSampler start() {
    timer.scheduleAtFixedRate(this::sampleAll, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  synchronized void sampleAll() {
    for (String service : Report.SERVICES) {
      OptionalLong kb = rssKb(stack.pidFile(service));
      if (kb.isPresent()) {
        peakKb.merge(service, kb.getAsLong(), Math::max);
        samples.merge(service, 1, Integer::sum);
      }
    }
  }

  /** Writes services.NAME.rss_peak_mb and the number of samples it was taken from. */
  synchronized void report(Report report) {
    peakKb.forEach(
        (service, kb) -> {
          report.service(service, "rss_peak_mb", Math.round(kb / 1024.0));
          report.service(service, "rss_samples", samples.get(service));
        });
    report.meta("rss_sample_period_ms", PERIOD_MS);
  }

  /** VmRSS of the process a pid file names, in kB; empty while it is being restarted. */
  static OptionalLong rssKb(Path pidFile) {
    try {
      String pid = Files.readString(pidFile).trim();
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (Exception gone) {
      // no pid file or the process is between a stop and a start
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
