package org.psybiome.trial.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a trial's status history: the status, the date it took effect, why, and when the
 * registry recorded it.
 */
public record DatedStatus(
    TrialStatus status, LocalDate effectiveDate, String reason, Instant recordedAt) {}
