package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statistics of one arm's participants. */
@Schema(
    name = "ArmSummary",
    requiredProperties = {"arm", "type", "statistics"})
public record ArmSummary(
    @Schema(description = "the arm's label", example = "Probiotic") String arm,
    @Schema(description = "the arm's type as the trial registers it", example = "EXPERIMENTAL")
        String type,
    Statistics statistics) {}
