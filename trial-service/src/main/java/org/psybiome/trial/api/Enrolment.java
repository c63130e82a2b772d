package org.psybiome.trial.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant to enrol: a pseudonymous code (never a name or birth date) and its arm. */
public record Enrolment(
    @NotBlank String code,
    @Schema(description = "The arm: its code, or (as in 1.0) its label") @NotBlank String arm,
    @NotNull LocalDate enrolledOn) {}
