package org.psybiome.biomarker.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ConsumerStallTest {

  /** A clock the test moves. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    void pass(Duration duration) {
      now = now.plus(duration);
    }
  }

  private final Hands clock = new Hands();
  private final ConsumerStall stall = new ConsumerStall(clock, Duration.ofMinutes(2));
  private final TrialEventsHealth health = new TrialEventsHealth(stall);

  @Test
  void failingOnOneEventPastTheThresholdIsAStallWithWhereAndSince() {
    assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    stall.failed("psybiome.trial.allocations-3", 41, new IllegalStateException("boom"));
    clock.pass(Duration.ofSeconds(119));
    stall.failed("psybiome.trial.allocations-3", 41, new IllegalStateException("boom again"));
    assertThat(stall.stalled()).isFalse();
    assertThat(health.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

    clock.pass(Duration.ofSeconds(1));
    assertThat(stall.stalled()).isTrue();
    assertThat(stall.stalledFor()).isEqualTo(Duration.ofMinutes(2));
    HealthCheckResponse down = health.call();
    assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    Map<String, Object> data = down.getData().orElseThrow();
    assertThat(data)
        .containsEntry("failingEvent", "psybiome.trial.allocations-3@41")
        .containsEntry("failingSince", "2026-11-30T12:00:00Z")
        .containsEntry("attempts", 2L);
    assertThat((String) data.get("lastError")).contains("boom again");
  }

  @Test
  void eventsOfOtherPartitionsAppliedMeanwhileDoNotEndTheStallNorRestartItsClock() {
    stall.failed("psybiome.trial.events-0", 7, new RuntimeException("x"));
    clock.pass(Duration.ofMinutes(1));
    stall.progressed(Map.of("psybiome.trial.events-1", 100L, "psybiome.trial.allocations-0", 8L));
    clock.pass(Duration.ofMinutes(1));
    stall.failed("psybiome.trial.events-0", 7, new RuntimeException("x"));
    assertThat(stall.stalled()).isTrue();
    assertThat(stall.stalledFor()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void itsOwnPartitionMovingPastTheEventEndsTheStall() {
    stall.failed("psybiome.trial.events-0", 7, new RuntimeException("x"));
    clock.pass(Duration.ofMinutes(5));
    assertThat(stall.stalled()).isTrue();
    stall.progressed(Map.of("psybiome.trial.events-0", 7L)); // not past it
    assertThat(stall.stalled()).isTrue();
    stall.progressed(Map.of("psybiome.trial.events-0", 8L));
    assertThat(stall.stalled()).isFalse();
    assertThat(stall.stalledFor()).isZero();
    assertThat(stall.current()).isEmpty();
  }

  @Test
  void anotherFailingEventStartsItsOwnClock() {
    stall.failed("psybiome.trial.events-0", 7, new RuntimeException("x"));
    clock.pass(Duration.ofMinutes(1));
    stall.failed("psybiome.trial.events-0", 8, new RuntimeException("y"));
    clock.pass(Duration.ofMinutes(1));
    assertThat(stall.stalled()).isFalse();
    assertThat(stall.current().orElseThrow().attempts()).isEqualTo(1);
  }
}
