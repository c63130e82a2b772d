package org.psybiome.trial.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One participant's allocation, revealed in an emergency to the caller alone. */
@Schema(requiredProperties = {"code", "arm", "armCode", "unblindedAt", "unblindedBy", "reason"})
public record ParticipantUnblinding(
    String code,
    @Schema(description = "The label of the participant's arm") String arm,
    String armCode,
    @Schema(description = "Crossover and N-of-1 trials: the treatment sequence, in place of an arm")
        String sequence,
    @Schema(description = "The allocation number, where the registry drew one")
        String allocationReference,
    @Schema(description = "When the participant was first unblinded") Instant unblindedAt,
    @Schema(description = "Who first unblinded the participant") String unblindedBy,
    @Schema(description = "Why, as first given") String reason) {}
