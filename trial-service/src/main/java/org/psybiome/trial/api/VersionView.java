package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/** A past version: who changed what kind of thing, when and why; with the record when asked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"version", "status", "changedAt", "change"})
public record VersionView(
    int version,
    @Schema(description = "The trial's status in this version") TrialStatus status,
    Instant changedAt,
    @Schema(description = "Who made the change; shown to the owning consortium only")
        String changedBy,
    @Schema(
            description =
                "CREATED, UPDATED, STATUS_CHANGED, UNBLINDED, IMPORTED (from another registry) or"
                    + " REIMPORTED")
        String change,
    String reason,
    @Schema(description = "The record as it was; only when one version is read")
        TrialContent content) {}
