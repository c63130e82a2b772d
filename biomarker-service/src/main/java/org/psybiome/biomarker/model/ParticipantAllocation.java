package org.psybiome.biomarker.model;

import java.time.LocalDate;

/**
 * A participant of a trial and its arm, from the allocations topic: {@code armCode} the arm's
 * stable code (what the participant is matched by), {@code arm} its label at enrolment.
 */
public record ParticipantAllocation(
    String trialId, String code, String arm, String armCode, LocalDate enrolledOn) {}
