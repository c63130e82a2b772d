package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Descriptive statistics over standardised values (or changes from baseline), one per participant:
 * its latest result, unless that is censored; never a result that failed quality control. Quartiles
 * and median are "type 7" (linear interpolation between order statistics); the SD is the sample SD
 * (n−1). Null where undefined: everything but the counts when n = 0, the SD when n &lt; 2.
 */
@Schema(
    name = "Statistics",
    requiredProperties = {"n", "nCensored", "nQcFail", "nQcWarn"})
public record Statistics(
    @Schema(
            description =
                "participants whose value is used: their latest result at the visit (by"
                    + " collection time, then registration order; results with qcStatus FAIL"
                    + " skipped) is not censored — and for change=true neither is their latest at"
                    + " baseline")
        int n,
    @Schema(
            description =
                "participants whose latest result at the visit is censored (outside the limits of"
                    + " quantification): counted here only, never with an older value")
        int nCensored,
    @Schema(
            description =
                "results with qcStatus FAIL at the visit (and, for change=true, at the baseline"
                    + " visit): left out of every statistic")
        int nQcFail,
    @Schema(
            description =
                "of the n values, those resting on a result with qcStatus WARN (at the visit or,"
                    + " for change=true, at baseline): included")
        int nQcWarn,
    Double mean,
    @Schema(description = "sample standard deviation (n−1)") Double sd,
    Double median,
    @Schema(description = "first quartile, type 7") Double q1,
    @Schema(description = "third quartile, type 7") Double q3,
    Double min,
    Double max) {}
