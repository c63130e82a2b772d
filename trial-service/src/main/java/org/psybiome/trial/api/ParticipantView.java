package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A participant; {@code arm} (the arm's label now) and {@code armCode} are absent while the trial
 * is blinded to the caller.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"code", "enrolledOn"})
public record ParticipantView(
    String code,
    @Schema(description = "The label of the participant's arm, as the arm is called now")
        String arm,
    LocalDate enrolledOn,
    @Schema(description = "The arm's stable code (added in 1.1)") String armCode,
    @Schema(
            description =
                "Crossover and N-of-1 trials: the treatment sequence's code, in place of an arm;"
                    + " absent while the trial is blinded to the caller (added in 1.1)")
        String sequence,
    @Schema(
            description =
                "Who chose the arm (added in 1.1): RANDOMISED by the registry, REGISTRANT (a"
                    + " design the registry does not randomise), HISTORICAL (an enrolment from"
                    + " before the trial was registered here, entered as it happened)",
            enumeration = {"RANDOMISED", "REGISTRANT", "HISTORICAL"})
        String allocation,
    @Schema(
            description =
                "The allocation (kit or pack) number the registry drew; it says nothing of the arm"
                    + " (added in 1.1)")
        String allocationReference,
    @Schema(description = "The participant's factor levels, by factor code (added in 1.1)")
        java.util.Map<String, String> strata,
    @Schema(
            description =
                "When the participant's arm was first revealed in an emergency (added in 1.1); the"
                    + " arm itself stays hidden from whoever may not see allocations")
        java.time.Instant emergencyUnblindedAt,
    @Schema(description = "The participant's follow-up, oldest first (added in 1.1)")
        java.util.List<FollowUpEntry> followUp) {}
