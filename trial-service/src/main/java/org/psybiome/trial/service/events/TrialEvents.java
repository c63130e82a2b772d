package org.psybiome.trial.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.psybiome.outbox.Outbox;
import org.psybiome.outbox.OutboxEvent;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.config.TrialConfig;
import org.psybiome.trial.model.TrialStatus;

/**
 * The facts trial-service tells others, written to the outbox in the transaction of the change
 * (brief §5). Only registered trials have events: drafts are private. Schemas: docs/events.md.
 */
@ApplicationScoped
public class TrialEvents {

  public static final String REGISTERED = "org.psybiome.trial.registered.v1";
  public static final String UPDATED = "org.psybiome.trial.updated.v1";
  public static final String STATUS_CHANGED = "org.psybiome.trial.status-changed.v1";
  public static final String UNBLINDED = "org.psybiome.trial.unblinded.v1";
  public static final String PARTICIPANT_ENROLLED = "org.psybiome.trial.participant-enrolled.v1";

  /** The whole public record, so consumers need not call back (event-carried state transfer). */
  public record TrialRegistered(TrialView trial) {}

  public record TrialUpdated(int version, TrialView trial) {}

  public record TrialStatusChanged(
      String trialId,
      int version,
      TrialStatus from,
      TrialStatus to,
      LocalDate effectiveDate,
      String reason) {}

  public record TrialUnblinded(String trialId, int version, Instant unblindedAt, String reason) {}

  /** Internal: carries the arm, so it goes to the allocations topic only. */
  public record ParticipantEnrolled(
      String trialId, String code, String arm, LocalDate enrolledOn) {}

  private final Outbox outbox;
  private final TrialConfig config;

  TrialEvents(Outbox outbox, TrialConfig config) {
    this.outbox = outbox;
    this.config = config;
  }

  public void registered(TrialView trial) {
    publish(trial.id(), REGISTERED, new TrialRegistered(trial));
  }

  public void updated(TrialView trial) {
    publish(trial.id(), UPDATED, new TrialUpdated(trial.version(), trial));
  }

  public void statusChanged(TrialStatusChanged change) {
    publish(change.trialId(), STATUS_CHANGED, change);
  }

  public void unblinded(TrialUnblinded unblinded) {
    publish(unblinded.trialId(), UNBLINDED, unblinded);
  }

  public void participantEnrolled(ParticipantEnrolled enrolled) {
    outbox.append(
        new OutboxEvent(
            config.allocationsTopic(), enrolled.trialId(), PARTICIPANT_ENROLLED, enrolled));
  }

  private void publish(String trialId, String type, Object data) {
    outbox.append(new OutboxEvent(config.eventsTopic(), trialId, type, data));
  }
}
