package org.psybiome.trial.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A participant to enrol: a pseudonymous code (never a name or birth date) and its arm. */
public record Enrolment(
    @NotBlank String code, @NotBlank String arm, @NotNull LocalDate enrolledOn) {}
