package org.psybiome.biomarker.model;

import java.time.LocalDate;

/**
 * A participant of a trial and its arm, from the allocations topic: {@code armCode} the arm's
 * stable code (what the participant is matched by), {@code arm} its label at enrolment; or, in a
 * crossover or N-of-1 trial, its treatment sequence and the arm code of each period (by period
 * code), with no arm.
 */
public record ParticipantAllocation(
    String trialId,
    String code,
    String arm,
    String armCode,
    LocalDate enrolledOn,
    String sequenceCode,
    java.util.Map<String, String> periodArms) {}
