package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The statistics of one arm's participants (matched to the arm by its stable code). */
@Schema(
    name = "ArmSummary",
    requiredProperties = {"arm", "type", "statistics"})
public record ArmSummary(
    @Schema(description = "the arm's label", example = "Probiotic") String arm,
    @Schema(description = "the arm's type as the trial registers it", example = "EXPERIMENTAL")
        String type,
    Statistics statistics,
    @Schema(
            description =
                "the arm's stable code (trial-service API 1.1; made from the label as trial-service"
                    + " makes it for records without codes)",
            example = "PROBIOTIC")
        String code,
    @Schema(
            description =
                "for an analyte analysed on the log scale (Summary.logScale) and change=false:"
                    + " the geometric mean of the values with its 95% CI; null otherwise")
        GeometricMean geometricMean) {}
