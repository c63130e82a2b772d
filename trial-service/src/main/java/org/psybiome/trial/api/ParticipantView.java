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
    @Schema(description = "The arm's stable code (added in 1.1)") String armCode) {}
