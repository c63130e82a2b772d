package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A summary of an analyte at a visit of a trial: pooled, or per arm with the arm comparison; of the
 * values themselves, or of their changes from the baseline visit.
 */
@Schema(
    name = "Summary",
    requiredProperties = {"trialId", "analyte", "unit", "visit", "by", "change"})
public record Summary(
    String trialId,
    String analyte,
    @Schema(description = "standard UCUM unit of the values") String unit,
    String visit,
    @Schema(
            description = "pooled or arm",
            enumeration = {"pooled", "arm"})
        String by,
    @Schema(description = "true: changes from the baseline visit (visit − baseline)")
        boolean change,
    @Schema(description = "the trial's baseline visit, when change is true") String baselineVisit,
    @Schema(description = "all participants (by=pooled)") Statistics pooled,
    @Schema(description = "per arm, in the trial's order (by=arm)") List<ArmSummary> arms,
    @Schema(description = "experimental vs comparator (by=arm), absent without both arms")
        ArmComparison comparison) {}
