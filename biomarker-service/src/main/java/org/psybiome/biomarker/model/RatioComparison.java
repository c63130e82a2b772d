package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One arm vs the comparator on the log scale, back-transformed to ratios: Welch's t test on the
 * natural logs of the values (the test the comparison on the original scale uses), giving the ratio
 * of geometric means, and the ANCOVA on logs (ln value ~ arm indicators + ln baseline). Values ≤ 0
 * have no log: they are left out and counted. Null where undefined.
 */
@Schema(
    name = "RatioComparison",
    requiredProperties = {"nExperimental", "nComparator", "nNonPositive"})
public record RatioComparison(
    @Schema(description = "positive values of the arm compared") int nExperimental,
    @Schema(description = "positive values of the comparator arm") int nComparator,
    @Schema(description = "values ≤ 0 of the two arms, left out") int nNonPositive,
    @Schema(description = "exp(mean ln arm − mean ln comparator): ratio of geometric means")
        Double geometricMeanRatio,
    @Schema(description = "exp(d − t(0.975, df)·SE), d and SE of Welch's test on the logs")
        Double ciLow,
    @Schema(description = "exp(d + t(0.975, df)·SE)") Double ciHigh,
    @Schema(description = "Welch's t on the logs") Double t,
    @Schema(description = "Welch–Satterthwaite degrees of freedom on the logs") Double df,
    @Schema(description = "two-sided p of Welch's t on the logs") Double p,
    @Schema(description = "p adjusted by Holm's method over the summary's log-scale comparisons")
        Double pHolm,
    @Schema(
            description =
                "the ANCOVA on the log scale (ln value ~ arm indicators + ln baseline):"
                    + " meanDifference is the difference of logs; null where not fitted")
        AncovaComparison ancova,
    @Schema(description = "exp(ancova.meanDifference): the baseline-adjusted ratio")
        Double ancovaRatio,
    @Schema(description = "exp(ancova.ciLow)") Double ancovaRatioCiLow,
    @Schema(description = "exp(ancova.ciHigh)") Double ancovaRatioCiHigh,
    @Schema(
            description =
                "participants with values at baseline and the visit left out of the log-scale"
                    + " ANCOVA (all arms) because one of their two values is ≤ 0")
        Integer ancovaNNonPositive) {

  public RatioComparison withPHolm(Double pHolm) {
    return new RatioComparison(
        nExperimental,
        nComparator,
        nNonPositive,
        geometricMeanRatio,
        ciLow,
        ciHigh,
        t,
        df,
        p,
        pHolm,
        ancova,
        ancovaRatio,
        ancovaRatioCiLow,
        ancovaRatioCiHigh,
        ancovaNNonPositive);
  }

  public RatioComparison withAncova(AncovaComparison ancova, int nNonPositive) {
    return new RatioComparison(
        nExperimental,
        nComparator,
        this.nNonPositive,
        geometricMeanRatio,
        ciLow,
        ciHigh,
        t,
        df,
        p,
        pHolm,
        ancova,
        ancova == null || ancova.meanDifference() == null
            ? null
            : Math.exp(ancova.meanDifference()),
        ancova == null || ancova.ciLow() == null ? null : Math.exp(ancova.ciLow()),
        ancova == null || ancova.ciHigh() == null ? null : Math.exp(ancova.ciHigh()),
        nNonPositive);
  }
}
