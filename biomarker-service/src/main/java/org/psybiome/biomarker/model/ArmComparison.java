package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One arm vs the trial's comparator arm: mean difference, Hedges' g with its 95% CI, Welch's t test
 * (with its Holm-adjusted p over the summary's comparisons), the baseline-adjusted comparison
 * (ANCOVA) and, for analytes analysed on the log scale, the same on logs as ratios. A field is null
 * where it is undefined (too few participants, no variance).
 */
@Schema(
    name = "ArmComparison",
    requiredProperties = {"experimental", "comparator"})
public record ArmComparison(
    @Schema(
            description =
                "label of the arm compared with the comparator (any arm but the comparator, not"
                    + " only an EXPERIMENTAL one)")
        String experimental,
    @Schema(description = "label of the trial's comparator arm (see Summary.comparatorRule)")
        String comparator,
    @Schema(description = "m1 − m2 (experimental − comparator)") Double meanDifference,
    @Schema(description = "J·(m1 − m2)/s_p, J = 1 − 3/(4(n1+n2) − 9)") Double hedgesG,
    @Schema(description = "(n1+n2)/(n1·n2) + g²/(2(n1+n2))") Double hedgesGVariance,
    @Schema(description = "g − 1.959964·sqrt(Var g)") Double hedgesGCiLow,
    @Schema(description = "g + 1.959964·sqrt(Var g)") Double hedgesGCiHigh,
    @Schema(description = "Welch's t = (m1 − m2)/sqrt(s1²/n1 + s2²/n2)") Double welchT,
    @Schema(description = "Welch–Satterthwaite degrees of freedom") Double welchDf,
    @Schema(description = "two-sided p of Welch's t") Double welchP,
    @Schema(description = "stable code of the arm compared (experimental)", example = "PROBIOTIC")
        String experimentalCode,
    @Schema(description = "stable code of the comparator arm", example = "PLACEBO")
        String comparatorCode,
    @Schema(
            description =
                "welchP adjusted by Holm's step-down method over the summary's comparisons whose"
                    + " welchP is defined (equal to welchP when there is one)")
        Double welchPHolm,
    @Schema(
            description =
                "baseline-adjusted comparison (ANCOVA) at a visit other than baseline; null"
                    + " otherwise (Summary.ancovaUnavailableReason says why)")
        AncovaComparison ancova,
    @Schema(
            description =
                "for an analyte analysed on the log scale (Summary.logScale): the comparison of"
                    + " log values as a geometric mean ratio; null otherwise")
        RatioComparison logScale) {

  /** Without codes, Holm's p, ANCOVA and log scale: the two-sample figures alone. */
  public ArmComparison(
      String experimental,
      String comparator,
      Double meanDifference,
      Double hedgesG,
      Double hedgesGVariance,
      Double hedgesGCiLow,
      Double hedgesGCiHigh,
      Double welchT,
      Double welchDf,
      Double welchP) {
    this(
        experimental,
        comparator,
        meanDifference,
        hedgesG,
        hedgesGVariance,
        hedgesGCiLow,
        hedgesGCiHigh,
        welchT,
        welchDf,
        welchP,
        null,
        null,
        null,
        null,
        null);
  }

  public ArmComparison withCodes(String experimentalCode, String comparatorCode) {
    return new ArmComparison(
        experimental,
        comparator,
        meanDifference,
        hedgesG,
        hedgesGVariance,
        hedgesGCiLow,
        hedgesGCiHigh,
        welchT,
        welchDf,
        welchP,
        experimentalCode,
        comparatorCode,
        welchPHolm,
        ancova,
        logScale);
  }

  public ArmComparison withWelchPHolm(Double welchPHolm) {
    return new ArmComparison(
        experimental,
        comparator,
        meanDifference,
        hedgesG,
        hedgesGVariance,
        hedgesGCiLow,
        hedgesGCiHigh,
        welchT,
        welchDf,
        welchP,
        experimentalCode,
        comparatorCode,
        welchPHolm,
        ancova,
        logScale);
  }

  public ArmComparison withAncova(AncovaComparison ancova) {
    return new ArmComparison(
        experimental,
        comparator,
        meanDifference,
        hedgesG,
        hedgesGVariance,
        hedgesGCiLow,
        hedgesGCiHigh,
        welchT,
        welchDf,
        welchP,
        experimentalCode,
        comparatorCode,
        welchPHolm,
        ancova,
        logScale);
  }

  public ArmComparison withLogScale(RatioComparison logScale) {
    return new ArmComparison(
        experimental,
        comparator,
        meanDifference,
        hedgesG,
        hedgesGVariance,
        hedgesGCiLow,
        hedgesGCiHigh,
        welchT,
        welchDf,
        welchP,
        experimentalCode,
        comparatorCode,
        welchPHolm,
        ancova,
        logScale);
  }
}
