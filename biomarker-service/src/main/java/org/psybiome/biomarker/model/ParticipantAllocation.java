package org.psybiome.biomarker.model;

import java.time.LocalDate;

/** A participant of a trial and its arm, from the allocations topic. */
public record ParticipantAllocation(
    String trialId, String code, String arm, LocalDate enrolledOn) {}
