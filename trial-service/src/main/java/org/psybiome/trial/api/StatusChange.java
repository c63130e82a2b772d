package org.psybiome.trial.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.psybiome.trial.model.TrialStatus;

/** A requested status transition, effective on a date, with its reason. */
public record StatusChange(
    @NotNull TrialStatus status,
    @NotNull LocalDate effectiveDate,
    @Size(max = 2000) String reason) {}
