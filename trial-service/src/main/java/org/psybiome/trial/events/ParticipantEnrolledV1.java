package org.psybiome.trial.events;

import java.time.LocalDate;

/**
 * Data of {@code org.psybiome.trial.participant-enrolled.v1}, on the internal allocations topic
 * only because it carries the arm (docs/events/trial.participant-enrolled.v1.schema.json).
 */
public record ParticipantEnrolledV1(
    String trialId, String code, String arm, LocalDate enrolledOn, String armCode) {}
