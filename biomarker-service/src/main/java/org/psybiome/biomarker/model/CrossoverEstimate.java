package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An estimate of a crossover analysis with its 95% confidence interval and two-sided t test. For an
 * analyte analysed on the log scale {@code estimate}, {@code ciLow} and {@code ciHigh} are on the
 * natural-log scale and {@code ratio}, {@code ratioCiLow}, {@code ratioCiHigh} are their
 * exponentials (ratios of geometric means); otherwise the ratios are null. Fields the data cannot
 * define (one participant, no variation) are null, with {@code note} saying why.
 */
@Schema(name = "CrossoverEstimate")
public record CrossoverEstimate(
    @Schema(description = "participants (or cycles, for an N-of-1 participant's own estimate)")
        int n,
    Double estimate,
    @Schema(description = "SD of the values the estimate is the mean of, where it is one")
        Double sd,
    @Schema(description = "standard error of the estimate") Double se,
    Double ciLow,
    Double ciHigh,
    Double t,
    Double df,
    @Schema(description = "two-sided p of the t test of estimate = 0") Double p,
    Double ratio,
    Double ratioCiLow,
    Double ratioCiHigh,
    String note) {

  /** The same estimate with its exponentials, for an analysis on natural logs. */
  public CrossoverEstimate withRatios() {
    return new CrossoverEstimate(
        n,
        estimate,
        sd,
        se,
        ciLow,
        ciHigh,
        t,
        df,
        p,
        estimate == null ? null : Math.exp(estimate),
        ciLow == null ? null : Math.exp(ciLow),
        ciHigh == null ? null : Math.exp(ciHigh),
        note);
  }
}
