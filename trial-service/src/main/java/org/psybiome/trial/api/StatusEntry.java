package org.psybiome.trial.api;

import java.time.Instant;
import java.time.LocalDate;
import org.psybiome.trial.model.TrialStatus;

/** One entry of the dated status history. */
public record StatusEntry(
    TrialStatus status, LocalDate effectiveDate, String reason, Instant recordedAt) {}
