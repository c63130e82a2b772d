package org.psybiome.biomarker.service.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.ParticipantAllocationEntity;
import org.psybiome.biomarker.repository.ParticipantAllocationRepository;
import org.psybiome.biomarker.repository.TrialSnapshotEntity;
import org.psybiome.biomarker.repository.TrialSnapshotRepository;
import org.psybiome.outbox.ProcessedEvents;

/**
 * Applies one trial-service event to this service's knowledge of trials, in one transaction that
 * also records the event id, so a redelivered event changes nothing. Events carry the trial's
 * version; an older version than the one stored is ignored (the outbox may, rarely, deliver a later
 * event first).
 */
@ApplicationScoped
public class TrialEventApplier {

  static final String REGISTERED = "org.psybiome.trial.registered.v1";
  static final String UPDATED = "org.psybiome.trial.updated.v1";
  static final String STATUS_CHANGED = "org.psybiome.trial.status-changed.v1";
  static final String UNBLINDED = "org.psybiome.trial.unblinded.v1";
  static final String PARTICIPANT_ENROLLED = "org.psybiome.trial.participant-enrolled.v1";

  private final ProcessedEvents processed;
  private final TrialSnapshotRepository trials;
  private final ParticipantAllocationRepository participants;
  private final Clock clock;

  TrialEventApplier(
      ProcessedEvents processed,
      TrialSnapshotRepository trials,
      ParticipantAllocationRepository participants) {
    this.processed = processed;
    this.trials = trials;
    this.participants = participants;
    this.clock = Clock.systemUTC();
  }

  /** Returns false when the event had been applied before and was skipped. */
  @Transactional
  boolean apply(TrialEvent event) {
    if (!processed.markProcessed(event.id())) {
      Log.debugf("Event %s was applied before; skipped", event.id());
      return false;
    }
    JsonNode data = event.data();
    switch (event.type()) {
      case REGISTERED ->
          trialRecord(data.path("trial"), Fields.integer(data.path("trial"), "version"));
      case UPDATED -> trialRecord(data.path("trial"), Fields.integer(data, "version"));
      case STATUS_CHANGED -> statusChanged(data);
      case UNBLINDED -> unblinded(data);
      case PARTICIPANT_ENROLLED -> enrolled(data);
      default -> Log.debugf("Event type %s is not used here; skipped", event.type());
    }
    return true;
  }

  private void trialRecord(JsonNode trial, int version) {
    if (!trial.isObject()) {
      throw new MalformedEventException("no trial record");
    }
    String id = Fields.text(trial, "id");
    Optional<TrialSnapshotEntity> existing = trials.findForUpdate(id);
    if (existing.isPresent() && existing.get().version >= version) {
      Log.infof(
          "Ignored version %d of %s: version %d is known", version, id, existing.get().version);
      return;
    }
    TrialSnapshotEntity snapshot = existing.orElseGet(TrialSnapshotEntity::new);
    snapshot.trialId = id;
    snapshot.consortium = Fields.text(trial, "consortium");
    snapshot.status = Fields.text(trial, "status");
    snapshot.version = version;
    snapshot.registered = true;
    String masking = trial.path("design").path("masking").path("level").asText("NONE");
    snapshot.masked = !masking.isBlank() && !"NONE".equals(masking);
    // irreversible: a record without unblindedAt does not blind the trial again
    snapshot.unblinded = snapshot.unblinded || trial.hasNonNull("unblindedAt");
    snapshot.visits = visits(trial.path("schedule").path("visits"));
    snapshot.arms = arms(trial.path("arms"));
    snapshot.updatedAt = Instant.now(clock);
    if (existing.isEmpty()) {
      trials.persist(snapshot);
    }
    Log.infof("Trial %s known at version %d (%s)", id, version, snapshot.status);
  }

  private void statusChanged(JsonNode data) {
    String id = Fields.text(data, "trialId");
    int version = Fields.integer(data, "version");
    String to = Fields.text(data, "to");
    Optional<TrialSnapshotEntity> snapshot = newerThanKnown(id, version);
    snapshot.ifPresent(
        trial -> {
          trial.status = to;
          trial.version = version;
          trial.updatedAt = Instant.now(clock);
        });
  }

  private void unblinded(JsonNode data) {
    String id = Fields.text(data, "trialId");
    int version = Fields.integer(data, "version");
    // Unblinding is irreversible, so even a late copy of it is true; only the version waits.
    trials
        .findForUpdate(id)
        .ifPresentOrElse(
            trial -> {
              trial.unblinded = true;
              trial.version = Math.max(trial.version, version);
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

  private void enrolled(JsonNode data) {
    String trialId = Fields.text(data, "trialId");
    String code = Fields.text(data, "code");
    if (participants.find(trialId, code).isPresent()) {
      return; // a participant is enrolled once; a second event for it is a replay
    }
    ParticipantAllocationEntity participant = new ParticipantAllocationEntity();
    participant.trialId = trialId;
    participant.code = code;
    participant.arm = Fields.text(data, "arm");
    try {
      participant.enrolledOn = LocalDate.parse(Fields.text(data, "enrolledOn"));
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("enrolledOn is not a date");
    }
    participants.persist(participant);
  }

  private static List<TrialVisit> visits(JsonNode visits) {
    List<TrialVisit> result = new ArrayList<>();
    for (JsonNode visit : visits) {
      result.add(
          new TrialVisit(
              Fields.text(visit, "code"),
              Fields.integer(visit, "dayOffset"),
              visit.path("baseline").asBoolean(false),
              texts(visit.path("panels")),
              texts(visit.path("scales"))));
    }
    return result;
  }

  private static List<TrialArm> arms(JsonNode arms) {
    List<TrialArm> result = new ArrayList<>();
    for (JsonNode arm : arms) {
      result.add(new TrialArm(Fields.text(arm, "label"), Fields.text(arm, "type")));
    }
    return result;
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(item -> result.add(item.asText()));
    return result;
  }
}
