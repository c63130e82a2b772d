package org.psybiome.trial.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why one participant's arm must be revealed now (e.g. a serious adverse event). */
public record EmergencyUnblinding(
    @Schema(example = "Serious adverse event: treating physician needs the allocation")
        @NotBlank
        @Size(max = 1000)
        String reason) {}
