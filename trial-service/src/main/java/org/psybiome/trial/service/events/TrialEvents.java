package org.psybiome.trial.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.psybiome.outbox.Outbox;
import org.psybiome.outbox.OutboxEvent;
import org.psybiome.trial.config.TrialConfig;
import org.psybiome.trial.events.ParticipantEnrolledV1;
import org.psybiome.trial.events.ParticipantSnapshotV1;
import org.psybiome.trial.events.ParticipantUnblindedV1;
import org.psybiome.trial.events.SequenceAllocatedV1;
import org.psybiome.trial.events.TrialSnapshotV1;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialStatus;

/**
 * The facts trial-service tells others, written to the outbox in the transaction of the change, so
 * an event is published if and only if its change is committed. Only registered trials have events:
 * drafts are private. The data types are versioned with their schemas in docs/events.
 */
@ApplicationScoped
public class TrialEvents {

  public static final String REGISTERED = "org.psybiome.trial.registered.v1";
  public static final String UPDATED = "org.psybiome.trial.updated.v1";
  public static final String STATUS_CHANGED = "org.psybiome.trial.status-changed.v1";
  public static final String UNBLINDED = "org.psybiome.trial.unblinded.v1";
  public static final String PARTICIPANT_ENROLLED = "org.psybiome.trial.participant-enrolled.v1";
  public static final String PARTICIPANT_STATUS_CHANGED =
      "org.psybiome.trial.participant-status-changed.v1";
  public static final String PARTICIPANT_UNBLINDED = "org.psybiome.trial.participant-unblinded.v1";
  public static final String SEQUENCE_ALLOCATED = "org.psybiome.trial.sequence-allocated.v1";
  public static final String SNAPSHOT = "org.psybiome.trial.snapshot.v1";
  public static final String PARTICIPANT_SNAPSHOT = "org.psybiome.trial.participant-snapshot.v1";

  private static final TrialEventMapper MAPPER = TrialEventMapper.INSTANCE;

  private final Outbox outbox;
  private final TrialConfig config;

  TrialEvents(Outbox outbox, TrialConfig config) {
    this.outbox = outbox;
    this.config = config;
  }

  public void registered(Trial trial) {
    publish(trial.id(), REGISTERED, MAPPER.registered(trial));
  }

  public void updated(Trial trial) {
    publish(trial.id(), UPDATED, MAPPER.updated(trial));
  }

  /** {@code trial} is the trial after the change; its latest status entry is the change. */
  public void statusChanged(Trial trial, TrialStatus from) {
    publish(trial.id(), STATUS_CHANGED, MAPPER.statusChanged(trial, from));
  }

  public void unblinded(Trial trial, String reason) {
    publish(trial.id(), UNBLINDED, MAPPER.unblinded(trial, reason));
  }

  /** Internal: carries the arm, so it goes to the allocations topic only. */
  public void participantEnrolled(
      String trialId, String code, String arm, String armCode, LocalDate enrolledOn) {
    outbox.append(
        new OutboxEvent(
            config.allocationsTopic(),
            trialId,
            PARTICIPANT_ENROLLED,
            new ParticipantEnrolledV1(trialId, code, arm, enrolledOn, armCode)));
  }

  /**
   * Internal: a crossover or N-of-1 participant's sequence and the arm of each period, so it goes
   * to the allocations topic only.
   */
  public void sequenceAllocated(
      String trialId,
      String code,
      String sequenceCode,
      LocalDate enrolledOn,
      org.psybiome.trial.model.TrialContent.Crossover crossover) {
    var periods = periods(crossover, sequenceCode);
    outbox.append(
        new OutboxEvent(
            config.allocationsTopic(),
            trialId,
            SEQUENCE_ALLOCATED,
            new SequenceAllocatedV1(trialId, code, sequenceCode, enrolledOn, periods)));
  }

  /**
   * A registered trial's record as it is now, republished (not a change). On the allocations topic,
   * the internal topic only biomarker-service reads, so the public feed is not flooded with copies
   * and the trial's participant snapshots, on the same partition, come after it (decision 25).
   */
  public void snapshot(Trial trial) {
    outbox.append(
        new OutboxEvent(
            config.allocationsTopic(),
            trial.id(),
            SNAPSHOT,
            new TrialSnapshotV1(trial.version(), MAPPER.published(trial))));
  }

  /**
   * A participant's stored allocation, republished: its arm ({@code armCode} and the label it was
   * enrolled under) or, with {@code crossover}, its sequence and the arm of each period. Carries
   * the arm, so to the allocations topic only.
   */
  public void participantSnapshot(
      String trialId,
      String code,
      LocalDate enrolledOn,
      String arm,
      String armCode,
      String sequenceCode,
      org.psybiome.trial.model.TrialContent.Crossover crossover) {
    boolean sequence = sequenceCode != null && crossover != null;
    outbox.append(
        new OutboxEvent(
            config.allocationsTopic(),
            trialId,
            PARTICIPANT_SNAPSHOT,
            new ParticipantSnapshotV1(
                trialId,
                code,
                enrolledOn,
                sequence ? null : arm,
                sequence ? null : armCode,
                sequence ? sequenceCode : null,
                sequence ? periods(crossover, sequenceCode) : null)));
  }

  private static java.util.List<SequenceAllocatedV1.PeriodTreatment> periods(
      org.psybiome.trial.model.TrialContent.Crossover crossover, String sequenceCode) {
    var sequence =
        crossover.sequences().stream().filter(q -> q.code().equals(sequenceCode)).findFirst();
    var periods = new java.util.ArrayList<SequenceAllocatedV1.PeriodTreatment>();
    for (int i = 0; i < crossover.periods().size(); i++) {
      periods.add(
          new SequenceAllocatedV1.PeriodTreatment(
              crossover.periods().get(i).code(), sequence.orElseThrow().arms().get(i)));
    }
    return periods;
  }

  /** One participant's arm revealed in an emergency; the event carries no arm. */
  public void participantUnblinded(String trialId, String code, Instant at, String reason) {
    publish(trialId, PARTICIPANT_UNBLINDED, new ParticipantUnblindedV1(trialId, code, at, reason));
  }

  /** A participant's follow-up moved on; no arm. */
  public void participantStatusChanged(
      String trialId,
      String code,
      org.psybiome.trial.model.FollowUpStatus status,
      LocalDate effectiveDate,
      String reason) {
    publish(
        trialId,
        PARTICIPANT_STATUS_CHANGED,
        new org.psybiome.trial.events.ParticipantStatusChangedV1(
            trialId, code, status, effectiveDate, reason));
  }

  private void publish(String trialId, String type, Object data) {
    outbox.append(new OutboxEvent(config.eventsTopic(), trialId, type, data));
  }
}
