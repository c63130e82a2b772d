package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The service learns trials and allocations from trial-service's events on the real broker: applied
 * once per event id, never rolled back by an older version.
 */
@QuarkusTest
class TrialEventsConsumptionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject TrialSnapshots snapshots;

  private TrialEventsProducer events;

  @BeforeEach
  void connect() {
    events = new TrialEventsProducer();
  }

  @AfterEach
  void disconnect() {
    events.close();
  }

  @Test
  void aRegisteredTrialAndItsParticipantsBecomeKnown() {
    String id = TrialEventsProducer.newTrialId();
    events.registered(TrialEventsProducer.trialView(id, 2, "QUADRUPLE", "Placebo"));
    events.enrolled(id, "MG-0001", "Probiotic");
    events.enrolled(id, "MG-0002", "Placebo");

    TrialSnapshot trial =
        await().atMost(WAIT).until(() -> snapshots.trial(id).orElse(null), t -> t != null);
    assertThat(trial.consortium()).isEqualTo("MINDGUT");
    assertThat(trial.status()).isEqualTo("RECRUITING");
    assertThat(trial.version()).isEqualTo(2);
    assertThat(trial.registered()).isTrue();
    assertThat(trial.masked()).isTrue();
    assertThat(trial.blinded()).isTrue();
    assertThat(trial.arms())
        .containsExactly(
            // a record before API 1.1 has no codes: made from the labels as trial-service does
            new TrialArm("Probiotic", "EXPERIMENTAL", "PROBIOTIC", java.util.List.of("PRO")),
            new TrialArm("Placebo", "PLACEBO_COMPARATOR", "PLACEBO", java.util.List.of("PLA")));
    assertThat(trial.comparatorArm()).isNull();
    assertThat(trial.baselineVisit().map(TrialVisit::code)).contains("W0");
    assertThat(trial.visit("W0").orElseThrow().panels()).containsExactly("INFLAMMATION", "HPA");
    assertThat(trial.visit("W8").orElseThrow().scales()).containsExactly("HAMD17", "MADRS");
    assertThat(trial.visit("W8").orElseThrow().dayOffset()).isEqualTo(56);

    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0002").isPresent());
    var participant = snapshots.participant(id, "MG-0001").orElseThrow();
    assertThat(participant.arm()).isEqualTo("Probiotic");
    assertThat(participant.armCode()).isEqualTo("PROBIOTIC");
    assertThat(participant.enrolledOn()).isEqualTo(LocalDate.now());
    assertThat(snapshots.participant(id, "MG-0003")).isEmpty();

    events.statusChanged(id, 3, "RECRUITING", "ACTIVE_NOT_RECRUITING");
    events.unblinded(id, 4);
    await()
        .atMost(WAIT)
        .until(() -> snapshots.trial(id).map(TrialSnapshot::version).orElse(0) == 4);
    trial = snapshots.trial(id).orElseThrow();
    assertThat(trial.status()).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(trial.unblinded()).isTrue();
    assertThat(trial.blinded()).isFalse();
  }

  @Test
  void armCodesComeFromTheRecordAndTheEnrolmentAndLabelsOnlyWhereTheyAreMissing() {
    String id = TrialEventsProducer.newTrialId();
    events.registered(
        TrialEventsProducer.withArms(
            TrialEventsProducer.trialView(id, 2, "DOUBLE", "Placebo"),
            List.of(
                TrialEventsProducer.arm("PRO", "Probiotic", "EXPERIMENTAL"),
                TrialEventsProducer.arm("PLA", "Placebo", "PLACEBO_COMPARATOR"),
                // an arm written by a 1.0 client, whose code trial-service left out
                Map.of("label", "Sham capsule", "type", "SHAM_COMPARATOR")),
            "PLA"));
    TrialSnapshot trial =
        await().atMost(WAIT).until(() -> snapshots.trial(id).orElse(null), t -> t != null);
    assertThat(trial.arms())
        .containsExactly(
            new TrialArm("Probiotic", "EXPERIMENTAL", "PRO"),
            new TrialArm("Placebo", "PLACEBO_COMPARATOR", "PLA"),
            new TrialArm("Sham capsule", "SHAM_COMPARATOR", "SHAM_CAPSULE"));
    assertThat(trial.comparatorArm()).isEqualTo("PLA");

    // the event's armCode wins over its label; without armCode, the record's arm of that label
    events.enrolled(id, "MG-0001", "Old probiotic label", "PRO");
    events.enrolled(id, "MG-0002", "Placebo");
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0002").isPresent());
    assertThat(snapshots.participant(id, "MG-0001").orElseThrow().armCode()).isEqualTo("PRO");
    assertThat(snapshots.participant(id, "MG-0002").orElseThrow().armCode()).isEqualTo("PLA");
    assertThat(snapshots.allocations(id)).isEqualTo(Map.of("MG-0001", "PRO", "MG-0002", "PLA"));
  }

  @Test
  void anEventDeliveredTwiceIsAppliedOnce() {
    String id = TrialEventsProducer.newTrialId();
    events.registered(TrialEventsProducer.trialView(id, 2, "NONE", "Placebo"));
    UUID first = events.enrolled(id, "MG-0001", "Probiotic");
    // A redelivery carries the same id; this one is made to differ so that applying it would show.
    events.enrolled(id, first, "MG-0099", "Placebo");
    events.enrolled(id, "MG-0002", "Placebo");

    // MG-0002 comes after the duplicate on the trial's partition: once it is known, both were read.
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0002").isPresent());
    assertThat(snapshots.participant(id, "MG-0001")).isPresent();
    assertThat(snapshots.participant(id, "MG-0099")).isEmpty();
    assertThat(snapshots.trial(id).orElseThrow().blinded()).isFalse();
  }

  @Test
  void anOlderVersionDoesNotOverwriteANewerOne() {
    String id = TrialEventsProducer.newTrialId();
    events.registered(TrialEventsProducer.trialView(id, 2, "DOUBLE", "Placebo"));
    events.updated(TrialEventsProducer.trialView(id, 5, "DOUBLE", "Sham capsule"));
    // late copies of versions 3 and 4, then a change to version 6 to know they have been read
    events.updated(TrialEventsProducer.trialView(id, 4, "DOUBLE", "Old placebo"));
    events.statusChanged(id, 3, "RECRUITING", "SUSPENDED");
    events.statusChanged(id, 6, "RECRUITING", "ACTIVE_NOT_RECRUITING");

    await()
        .atMost(WAIT)
        .until(() -> snapshots.trial(id).map(TrialSnapshot::version).orElse(0) == 6);
    TrialSnapshot trial = snapshots.trial(id).orElseThrow();
    assertThat(trial.status()).isEqualTo("ACTIVE_NOT_RECRUITING");
    assertThat(trial.arms())
        .extracting(TrialArm::label)
        .containsExactly("Probiotic", "Sham capsule");
  }

  @Test
  void aMalformedEventIsSkippedAndTheNextOneApplied() {
    String id = TrialEventsProducer.newTrialId();
    events.send(
        TrialEventsProducer.EVENTS,
        id,
        "org.psybiome.trial.status-changed.v1",
        Map.of("trialId", id));
    events.registered(TrialEventsProducer.trialView(id, 2, "NONE", "Placebo"));

    await().atMost(WAIT).until(() -> snapshots.trial(id).isPresent());
  }
}
