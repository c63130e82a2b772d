package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The geometric mean of positive values: exp of the mean of their natural logs, with the 95% CI
 * exp(mean ± t(0.975, n−1)·sd/√n) of the logs. Values ≤ 0 have no log: they are left out and
 * counted. Null where undefined (n = 0; the CI when n &lt; 2).
 */
@Schema(
    name = "GeometricMean",
    requiredProperties = {"n", "nNonPositive"})
public record GeometricMean(
    @Schema(description = "positive values used") int n,
    @Schema(description = "values ≤ 0, left out of the log-scale figures (they have no log)")
        int nNonPositive,
    @Schema(description = "exp(mean of ln values)") Double geometricMean,
    @Schema(description = "exp(mean − t(0.975, n−1)·sd/√n) of the ln values") Double ciLow,
    @Schema(description = "exp(mean + t(0.975, n−1)·sd/√n) of the ln values") Double ciHigh) {}
