package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Descriptive statistics over standardised values (or changes from baseline), one per participant:
 * its latest result, unless that is censored; never a result that failed quality control. Quartiles
 * and median are "type 7" (linear interpolation between order statistics); the SD is the sample SD
 * (n−1). Null where undefined: everything but the counts when n = 0, the SD when n &lt; 2. With
 * censored=lloq-sqrt2 a result below the lower limit of quantification enters as limit/√2 and its
 * participant counts in n, nCensored and nSubstituted.
 */
@Schema(
    name = "Statistics",
    requiredProperties = {"n", "nCensored", "nQcFail", "nQcWarn"})
public record Statistics(
    @Schema(
            description =
                "participants whose value is used: their latest result at the visit (by"
                    + " collection time, then registration order; results with qcStatus FAIL"
                    + " skipped) is not censored (or is substituted, censored=lloq-sqrt2) — and for"
                    + " change=true the same holds for their latest at baseline")
        int n,
    @Schema(
            description =
                "participants whose latest result at the visit is censored (outside the limits of"
                    + " quantification): never replaced by an older value; with"
                    + " censored=exclude counted here only, with censored=lloq-sqrt2 those below"
                    + " the lower limit are in n too")
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
    Double max,
    @Schema(
            description =
                "nCensored / participants whose latest result at the visit (QC FAIL skipped) is"
                    + " known, censored or not; null when there is none")
        Double censoredShare,
    @Schema(
            description =
                "censored=lloq-sqrt2: of the n values, those resting on a result below the lower"
                    + " limit of quantification, replaced by limit/√2 (at the visit or, for"
                    + " change=true, at baseline); 0 with censored=exclude")
        Integer nSubstituted,
    @Schema(
            description =
                "participants whose latest result at the visit (QC FAIL skipped) was collected"
                    + " outside the visit's window: its date (UTC) is not within enrolment date +"
                    + " dayOffset ± windowDays (both ends in). window=exclude: counted here only"
                    + " (not in n, nCensored or censoredShare), and an out-of-window baseline"
                    + " gives no change; window=include: their results are used and they are"
                    + " counted here too. Always 0 at a visit without a declared window")
        Integer nOutOfWindow) {

  /** The descriptive figures without the censoring figures (set by {@link #withCensoring}). */
  public Statistics(
      int n,
      int nCensored,
      int nQcFail,
      int nQcWarn,
      Double mean,
      Double sd,
      Double median,
      Double q1,
      Double q3,
      Double min,
      Double max) {
    this(n, nCensored, nQcFail, nQcWarn, mean, sd, median, q1, q3, min, max, null, null, null);
  }

  public Statistics withCensoring(Double censoredShare, int nSubstituted) {
    return new Statistics(
        n,
        nCensored,
        nQcFail,
        nQcWarn,
        mean,
        sd,
        median,
        q1,
        q3,
        min,
        max,
        censoredShare,
        nSubstituted,
        nOutOfWindow);
  }

  public Statistics withOutOfWindow(int participants) {
    return new Statistics(
        n,
        nCensored,
        nQcFail,
        nQcWarn,
        mean,
        sd,
        median,
        q1,
        q3,
        min,
        max,
        censoredShare,
        nSubstituted,
        participants);
  }
}
