package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One arm vs the comparator adjusted for baseline (ANCOVA, Vickers &amp; Altman 2001): one ordinary
 * least squares model over every arm's participants with a value both at baseline and at the visit,
 * value ~ intercept + one indicator per arm other than the comparator (the reference) + baseline
 * value. The arm's coefficient is the adjusted difference. Fields the data cannot define are null.
 */
@Schema(
    name = "AncovaComparison",
    requiredProperties = {"n", "nExperimental", "nComparator"})
public record AncovaComparison(
    @Schema(description = "participants in the model (all arms with data)") int n,
    @Schema(description = "of them, in the arm compared") int nExperimental,
    @Schema(description = "of them, in the comparator arm") int nComparator,
    @Schema(description = "the arm's coefficient: adjusted mean difference (arm − comparator)")
        Double meanDifference,
    @Schema(description = "its standard error (OLS, residual variance of the model)")
        Double standardError,
    @Schema(description = "meanDifference − t(0.975, df)·standardError") Double ciLow,
    @Schema(description = "meanDifference + t(0.975, df)·standardError") Double ciHigh,
    @Schema(description = "meanDifference / standardError") Double t,
    @Schema(description = "the model's residual degrees of freedom: n − number of coefficients")
        Double df,
    @Schema(description = "two-sided p of t with df degrees of freedom") Double p,
    @Schema(
            description =
                "p adjusted by Holm's method over the summary's ANCOVA comparisons whose p is"
                    + " defined (equal to p when there is one)")
        Double pHolm) {

  public AncovaComparison withPHolm(Double pHolm) {
    return new AncovaComparison(
        n,
        nExperimental,
        nComparator,
        meanDifference,
        standardError,
        ciLow,
        ciHigh,
        t,
        df,
        p,
        pHolm);
  }
}
