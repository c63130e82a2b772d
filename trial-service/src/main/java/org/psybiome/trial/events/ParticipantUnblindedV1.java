package org.psybiome.trial.events;

import java.time.Instant;

/**
 * Data of {@code org.psybiome.trial.participant-unblinded.v1}: one participant's arm was revealed
 * in an emergency. It carries no arm, so it goes on the trial events topic
 * (docs/events/trial.participant-unblinded.v1.schema.json).
 */
public record ParticipantUnblindedV1(
    String trialId, String code, Instant unblindedAt, String reason) {}
