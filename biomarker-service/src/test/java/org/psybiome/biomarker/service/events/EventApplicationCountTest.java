package org.psybiome.biomarker.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.repository.EventApplicationLog;
import org.psybiome.biomarker.repository.EventApplicationLog.Outcome;

/**
 * The event application log counts what really happened, so the drills' "every event applied
 * exactly once" can fail: a redelivery is logged as skipped, and an event applied twice (the skip
 * bypassed, as a broken consumer would) is counted twice and named by the check. Called directly,
 * without Kafka: what is under test is the counting, not the transport.
 */
@QuarkusTest
class EventApplicationCountTest {

  @Inject TrialEventApplier applier;
  @Inject EventApplicationLog log;
  @Inject ObjectMapper json;

  @Test
  void aRedeliveredEventIsSkippedAndCountedOnceAsApplied() {
    TrialEvent event = enrolment();

    assertThat(applier.apply(event)).isTrue();
    assertThat(applier.apply(event)).as("the redelivery is skipped").isFalse();

    assertThat(log.counts(List.of(event.id()), Outcome.APPLIED)).isEqualTo(Map.of(event.id(), 1L));
    assertThat(log.counts(List.of(event.id()), Outcome.SKIPPED_DUPLICATE))
        .isEqualTo(Map.of(event.id(), 1L));
    assertThat(log.appliedOtherThanOnce(List.of(event.id()))).isEmpty();
  }

  @Test
  void anEventAppliedTwiceIsCountedTwiceAndFailsTheCheck() {
    TrialEvent event = enrolment();

    applier.applyBypassingTheDuplicateCheck(event);
    applier.applyBypassingTheDuplicateCheck(event);

    // processed_event, keyed by the event id, could never show this; the log does.
    assertThat(log.counts(List.of(event.id()), Outcome.APPLIED)).isEqualTo(Map.of(event.id(), 2L));
    assertThat(log.appliedOtherThanOnce(List.of(event.id()))).isEqualTo(Map.of(event.id(), 2L));
  }

  @Test
  void anEventNeverAppliedFailsTheCheckToo() {
    UUID never = UUID.randomUUID();

    assertThat(log.appliedOtherThanOnce(List.of(never))).isEqualTo(Map.of(never, 0L));
  }

  private TrialEvent enrolment() {
    String trialId = String.format("PSB-2026-%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    String envelope =
        """
        {"specversion":"1.0","id":"%s","source":"/psybiome/trial-service",
         "type":"org.psybiome.trial.participant-enrolled.v1","subject":"%s",
         "data":{"trialId":"%s","code":"EA-0001","arm":"Placebo","enrolledOn":"%s"}}
        """
            .formatted(UUID.randomUUID(), trialId, trialId, LocalDate.now());
    return TrialEvent.parse(json, envelope);
  }
}
