package org.psybiome.trial.events;

import java.time.LocalDate;
import org.psybiome.trial.model.FollowUpStatus;

/**
 * Data of {@code org.psybiome.trial.participant-status-changed.v1}: a participant's follow-up moved
 * on; no arm (docs/events/trial.participant-status-changed.v1.schema.json).
 */
public record ParticipantStatusChangedV1(
    String trialId, String code, FollowUpStatus status, LocalDate effectiveDate, String reason) {}
