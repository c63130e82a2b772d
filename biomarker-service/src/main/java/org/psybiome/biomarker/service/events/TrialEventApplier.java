package org.psybiome.biomarker.service.events;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.EventApplicationLog;
import org.psybiome.biomarker.repository.EventApplicationLog.Outcome;
import org.psybiome.biomarker.repository.ParticipantAllocationEntity;
import org.psybiome.biomarker.repository.ParticipantAllocationRepository;
import org.psybiome.biomarker.repository.TrialSnapshotEntity;
import org.psybiome.biomarker.repository.TrialSnapshotRepository;
import org.psybiome.biomarker.service.events.TrialEventData.ParticipantEnrolled;
import org.psybiome.biomarker.service.events.TrialEventData.SequenceAllocated;
import org.psybiome.biomarker.service.events.TrialEventData.StatusChanged;
import org.psybiome.biomarker.service.events.TrialEventData.TrialRecord;
import org.psybiome.biomarker.service.events.TrialEventData.Unblinded;
import org.psybiome.outbox.ProcessedEvents;

/**
 * Applies one trial-service event to this service's trial snapshots, in one transaction that also
 * records the event id, so a redelivered event changes nothing. Events carry the trial's version;
 * an older version than the one stored is ignored (the outbox may, rarely, deliver a later event
 * first). Each event taken up is also appended to the event application log (APPLIED or
 * SKIPPED_DUPLICATE), in the same transaction, so a double application would show as two entries.
 */
@ApplicationScoped
public class TrialEventApplier {

  private final ProcessedEvents processed;
  private final TrialSnapshotRepository trials;
  private final ParticipantAllocationRepository participants;
  private final EventApplicationLog applications;
  private final Clock clock;

  TrialEventApplier(
      ProcessedEvents processed,
      TrialSnapshotRepository trials,
      ParticipantAllocationRepository participants,
      EventApplicationLog applications) {
    this.processed = processed;
    this.trials = trials;
    this.participants = participants;
    this.applications = applications;
    this.clock = Clock.systemUTC();
  }

  /** Returns false when the event had been applied before and was skipped. */
  @Transactional
  boolean apply(TrialEvent event) {
    if (!processed.markProcessed(event.id())) {
      Log.debugf("Event %s was applied before; skipped", event.id());
      applications.record(event.id(), event.type(), Outcome.SKIPPED_DUPLICATE);
      return false;
    }
    applyEffect(event);
    return true;
  }

  /**
   * The event's effect and its APPLIED entry in the log, without asking whether it was applied
   * before: only for the test that shows a double application is counted (apply is the way in).
   */
  @Transactional
  void applyBypassingTheDuplicateCheck(TrialEvent event) {
    applyEffect(event);
  }

  private void applyEffect(TrialEvent event) {
    applications.record(event.id(), event.type(), Outcome.APPLIED);
    Optional<TrialEventData> data = TrialEventData.parse(event.type(), event.data());
    if (data.isEmpty()) {
      Log.debugf("Event type %s is not used here; skipped", event.type());
      return;
    }
    TrialEventData applied = data.get();
    if (applied instanceof TrialRecord trial) {
      trialRecord(trial);
    } else if (applied instanceof StatusChanged change) {
      statusChanged(change);
    } else if (applied instanceof Unblinded unblinding) {
      unblinded(unblinding);
    } else if (applied instanceof ParticipantEnrolled enrolment) {
      enrolled(enrolment);
    } else if (applied instanceof SequenceAllocated allocation) {
      sequenceAllocated(allocation);
    }
  }

  private void trialRecord(TrialRecord trial) {
    String id = trial.trialId();
    int version = trial.version();
    Optional<TrialSnapshotEntity> existing = trials.findForUpdate(id);
    if (existing.isPresent() && existing.get().version >= version) {
      Log.infof(
          "Ignored version %d of %s: version %d is known", version, id, existing.get().version);
      return;
    }
    TrialSnapshotEntity snapshot = existing.orElseGet(TrialSnapshotEntity::new);
    snapshot.trialId = id;
    snapshot.consortium = trial.consortium();
    snapshot.status = trial.status();
    snapshot.version = version;
    snapshot.registered = true;
    snapshot.masked = trial.masked();
    // irreversible: a record without unblindedAt does not blind the trial again
    snapshot.unblinded = snapshot.unblinded || trial.unblinded();
    snapshot.visits =
        trial.visits().stream()
            .map(
                v ->
                    new TrialVisit(
                        v.code(),
                        v.dayOffset(),
                        v.baseline(),
                        v.panels(),
                        v.scales(),
                        v.period(),
                        v.windowDays()))
            .toList();
    snapshot.arms =
        ArmCodes.assign(trial.arms(), snapshot.arms == null ? List.of() : snapshot.arms);
    snapshot.comparatorArm = trial.comparatorArm();
    snapshot.outcomes = trial.outcomes();
    snapshot.interventionModel = trial.interventionModel();
    snapshot.periods = trial.periods();
    snapshot.interventions = trial.interventions();
    snapshot.title = trial.title();
    snapshot.resultsShared = trial.resultsShared();
    snapshot.analysisPlan = trial.analysisPlan();
    snapshot.updatedAt = Instant.now(clock);
    if (existing.isEmpty()) {
      trials.persist(snapshot);
    }
    Log.infof("Trial %s known at version %d (%s)", id, version, snapshot.status);
  }

  private void statusChanged(StatusChanged change) {
    newerThanKnown(change.trialId(), change.version())
        .ifPresent(
            trial -> {
              trial.status = change.to();
              trial.version = change.version();
              trial.updatedAt = Instant.now(clock);
            });
  }

  private void unblinded(Unblinded unblinding) {
    String id = unblinding.trialId();
    // Unblinding is irreversible, so even a late copy of it is true; only the version waits.
    trials
        .findForUpdate(id)
        .ifPresentOrElse(
            trial -> {
              trial.unblinded = true;
              trial.version = Math.max(trial.version, unblinding.version());
              trial.updatedAt = Instant.now(clock);
            },
            () -> Log.warnf("Unblinding of unknown trial %s ignored", id));
  }

  private Optional<TrialSnapshotEntity> newerThanKnown(String id, int version) {
    Optional<TrialSnapshotEntity> snapshot = trials.findForUpdate(id);
    if (snapshot.isEmpty()) {
      // Registration comes first on the same partition, so this is a trial registered before
      // the topic's retention; nothing to hold the change against.
      Log.warnf("Event of unknown trial %s (version %d) ignored", id, version);
      return Optional.empty();
    }
    if (snapshot.get().version >= version) {
      Log.infof(
          "Ignored version %d of %s: version %d is known", version, id, snapshot.get().version);
      return Optional.empty();
    }
    return snapshot;
  }

  private void enrolled(ParticipantEnrolled enrolment) {
    if (participants.find(enrolment.trialId(), enrolment.code()).isPresent()) {
      return; // a participant is enrolled once; a second event for it is a replay
    }
    ParticipantAllocationEntity participant = new ParticipantAllocationEntity();
    participant.trialId = enrolment.trialId();
    participant.code = enrolment.code();
    participant.arm = enrolment.arm();
    // events before API 1.1 name the arm by label only; match it to the trial's arm of that label
    participant.armCode =
        ArmCodes.ofEnrolment(
            enrolment.armCode(),
            enrolment.arm(),
            () -> trials.findByIdOptional(enrolment.trialId()).map(t -> t.arms));
    participant.enrolledOn = enrolment.enrolledOn();
    participants.persist(participant);
  }

  private void sequenceAllocated(SequenceAllocated allocation) {
    if (participants.find(allocation.trialId(), allocation.code()).isPresent()) {
      return; // a replay
    }
    ParticipantAllocationEntity participant = new ParticipantAllocationEntity();
    participant.trialId = allocation.trialId();
    participant.code = allocation.code();
    participant.sequenceCode = allocation.sequenceCode();
    participant.periodArms = allocation.periodArms();
    participant.enrolledOn = allocation.enrolledOn();
    participants.persist(participant);
  }
}
