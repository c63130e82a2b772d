package org.psybiome.trial.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.psybiome.trial.model.FollowUpStatus;

/** A participant's follow-up moved on: the status, the date it took effect, and why. */
public record FollowUpChange(
    @NotNull FollowUpStatus status,
    @NotNull LocalDate effectiveDate,
    @Size(max = 500) String reason) {}
