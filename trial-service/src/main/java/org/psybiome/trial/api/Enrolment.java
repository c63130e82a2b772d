package org.psybiome.trial.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A participant to enrol: a pseudonymous code (never a name or birth date), and either the levels
 * of the trial's stratification or minimisation factors (a trial that declares its randomisation:
 * the registry allocates) or the arm (a design the registry does not randomise, or an enrolment
 * from before the trial was registered here).
 */
public record Enrolment(
    @NotBlank String code,
    @Schema(
            description =
                "The arm, by code or (as in 1.0) label; only where the registry does not allocate:"
                    + " a trial without a declared randomisation, or an enrolment dated before the"
                    + " trial was registered here")
        @Size(max = 100)
        String arm,
    @NotNull LocalDate enrolledOn,
    @Schema(
            description =
                "The participant's level of each factor of the trial's randomisation, by factor"
                    + " code (added in 1.1)",
            example = "{\"SITE\": \"BER\", \"CRP\": \"GE3\"}")
        @Size(max = 10)
        Map<@NotBlank String, @NotBlank String> strata,
    @Schema(
            description =
                "Crossover and N-of-1 trials: the treatment sequence, by code, where the registry"
                    + " does not allocate (added in 1.1)",
            example = "AB")
        @Size(max = 16)
        String sequence) {}
