package org.psybiome.biomarker.service.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.psybiome.biomarker.config.BiomarkerConfig;

/**
 * Whether the trial events consumer keeps failing on one event. It never skips an event it could
 * not apply (only a malformed one), so an event that always fails blocks its partition: every later
 * event of those trials waits. That must not go unseen: past {@code stall-alert-after} on the same
 * event it is logged once at ERROR, {@link TrialEventsHealth} reports DOWN on /q/health/well, and
 * the gauge {@code psybiome.trial.events.stalled.seconds} says for how long.
 */
@Singleton
public class ConsumerStall {

  /**
   * The event the consumer is stuck on: its partition (topic-N) and offset, since when, how often
   * tried, the last error.
   */
  public record Stuck(String partition, long offset, Instant since, int attempts, String error) {

    boolean at(String otherPartition, long otherOffset) {
      return partition.equals(otherPartition) && offset == otherOffset;
    }

    /** topic-N@offset, as operators read it in the log and the health check. */
    public String position() {
      return partition + "@" + offset;
    }
  }

  private final Clock clock;
  private final Duration alertAfter;
  private volatile Stuck stuck;
  private volatile boolean alerted;

  @Inject
  ConsumerStall(BiomarkerConfig config, MeterRegistry meters) {
    this(Clock.systemUTC(), config.trialEvents().stallAlertAfter());
    Gauge.builder(
            "psybiome.trial.events.stalled.seconds", this, s -> s.stalledFor().toMillis() / 1e3)
        .description("How long the trial events consumer has failed on one event (0: it has not)")
        .register(meters);
  }

  ConsumerStall(Clock clock, Duration alertAfter) {
    this.clock = clock;
    this.alertAfter = alertAfter;
  }

  /**
   * The event at {@code offset} of {@code partition} (topic-N) failed again, or for the first time.
   */
  void failed(String partition, long offset, Throwable error) {
    Stuck last = stuck;
    String message = String.valueOf(error);
    stuck =
        last != null && last.at(partition, offset)
            ? new Stuck(partition, offset, last.since(), last.attempts() + 1, message)
            : new Stuck(partition, offset, clock.instant(), 1, message);
    if (stalled() && !alerted) {
      alerted = true;
      Stuck now = stuck;
      Log.errorf(
          "Trial events consumer stalled: the event at %s has failed %d times since %s; later"
              + " events of its partition wait. Last error: %s",
          now.position(), now.attempts(), now.since(), now.error());
    }
  }

  /**
   * Events were applied; {@code next} is the next offset to read per partition that moved. The
   * stall is over only if its own partition moved past the failing event: events of other
   * partitions applied meanwhile say nothing of it.
   */
  void progressed(Map<String, Long> next) {
    Stuck now = stuck;
    if (now == null) {
      return;
    }
    Long moved = next.get(now.partition());
    if (moved != null && moved > now.offset()) {
      if (alerted) {
        Log.infof("Trial events consumer goes on past %s", now.position());
      }
      stuck = null;
      alerted = false;
    }
  }

  /** How long the consumer has failed on one event; zero when it is not failing. */
  public Duration stalledFor() {
    Stuck now = stuck;
    return now == null ? Duration.ZERO : Duration.between(now.since(), clock.instant());
  }

  /** Failing on one event for at least the alert threshold. */
  public boolean stalled() {
    return stuck != null && stalledFor().compareTo(alertAfter) >= 0;
  }

  public Optional<Stuck> current() {
    return Optional.ofNullable(stuck);
  }
}
