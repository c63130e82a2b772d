package org.psybiome.trial.api;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.TrialStatus;

/** One entry of the dated status history. */
@Schema(requiredProperties = {"status", "effectiveDate", "recordedAt"})
public record StatusEntry(
    TrialStatus status, LocalDate effectiveDate, String reason, Instant recordedAt) {}
