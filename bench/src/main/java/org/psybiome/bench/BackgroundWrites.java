package org.psybiome.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes flowing at a steady rate beside a measurement: enrolments into a trial of their own, each
 * one an event through the outbox, Kafka and biomarker-service like the measured ones. A tick every
 * {@code 1/rate} s hands one enrolment to a pool of senders; when every sender is busy the tick is
 * counted as missed instead of queued, so the rate achieved is reported, never assumed.
 */
final class BackgroundWrites implements AutoCloseable {

  static final int SENDERS = 16;

  /** What flowed: ticks, enrolments acknowledged (201), refused or failed, ticks missed. */
  record Figures(long ticks, long acknowledged, long failed, long missed, double seconds) {

    double acknowledgedPerSecond() {
      return seconds == 0 ? 0 : acknowledged / seconds;
    }
  }

  /** One write, the n-th of the flow; throws when it was not acknowledged. */
  interface Write {
    void send(long n);
  }

  private final Write write;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
  private final Semaphore free = new Semaphore(SENDERS);
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();
  private long started;
  private Figures figures;

  BackgroundWrites(Write write) {
    this.write = write;
  }

  /**
   * Enrolments spread over {@code trialIds} in turn (a registry's writes come from many trials;
   * enrolments into one trial queue on its row lock), alternating each trial's arms.
   */
  static BackgroundWrites enrolling(
      BenchTrials trials, List<String> trialIds, List<List<String>> arms) {
    return new BackgroundWrites(
        n -> {
          int t = (int) (n % trialIds.size());
          List<String> armsOfTrial = arms.get(t);
          trials.enrol(
              trialIds.get(t),
              String.format("BG-%07d", n),
              armsOfTrial.get((int) (n / trialIds.size() % armsOfTrial.size())));
        });
  }

  void start(int perSecond) {
    started = System.nanoTime();
    long period = 1_000_000_000L / perSecond;
    ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
  }

  private void tick() {
    long n = ticks.incrementAndGet();
    if (!free.tryAcquire()) {
      missed.incrementAndGet();
      return;
    }
    senders.execute(
        () -> {
          try {
            write.send(n);
            acknowledged.incrementAndGet();
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          } finally {
            free.release();
          }
        });
  }

  /** Stops the ticks, waits for the writes in flight and gives what flowed. */
  Figures stop() throws InterruptedException {
    if (figures == null) {
      ticker.shutdownNow();
      ticker.awaitTermination(10, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - started) / 1e9;
      senders.shutdown();
      senders.awaitTermination(60, TimeUnit.SECONDS);
      figures = new Figures(ticks.get(), acknowledged.get(), failed.get(), missed.get(), seconds);
    }
    return figures;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
