package org.psybiome.trial.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.ScreeningOutcome;

/** A person assessed for eligibility and not enrolled: when, and why not. No identity. */
@Schema(requiredProperties = {"screenedOn", "outcome"})
public record Screening(
    @Schema(readOnly = true, description = "Assigned by the registry") Long id,
    @NotNull LocalDate screenedOn,
    @NotNull ScreeningOutcome outcome,
    @Schema(example = "HAMD-17 below 18") @Size(max = 500) String reason) {}
