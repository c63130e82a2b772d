package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Experimental vs comparator arm: mean difference, Hedges' g with its 95% CI, Welch's t test. A
 * field is null where it is undefined (too few participants, no variance).
 */
@Schema(
    name = "ArmComparison",
    requiredProperties = {"experimental", "comparator"})
public record ArmComparison(
    @Schema(description = "the first EXPERIMENTAL arm") String experimental,
    @Schema(description = "the first arm that is not EXPERIMENTAL") String comparator,
    @Schema(description = "m1 − m2 (experimental − comparator)") Double meanDifference,
    @Schema(description = "J·(m1 − m2)/s_p, J = 1 − 3/(4(n1+n2) − 9)") Double hedgesG,
    @Schema(description = "(n1+n2)/(n1·n2) + g²/(2(n1+n2))") Double hedgesGVariance,
    @Schema(description = "g − 1.959964·sqrt(Var g)") Double hedgesGCiLow,
    @Schema(description = "g + 1.959964·sqrt(Var g)") Double hedgesGCiHigh,
    @Schema(description = "Welch's t = (m1 − m2)/sqrt(s1²/n1 + s2²/n2)") Double welchT,
    @Schema(description = "Welch–Satterthwaite degrees of freedom") Double welchDf,
    @Schema(description = "two-sided p of Welch's t") Double welchP) {}
