package org.psybiome.biomarker.service.crossover;

import org.psybiome.biomarker.model.CrossoverEstimate;
import org.psybiome.biomarker.service.Descriptives;

/**
 * The formulas of the crossover analysis, written out; Student's t from Hipparchus through {@link
 * Descriptives} (p from the lower tail, quantiles to 1e-14), as the summaries use it.
 *
 * <p>The standard 2×2 (AB/BA) analysis (Jones &amp; Kenward; Senn, Cross-over Trials in Clinical
 * Research, ch. 3): each participant's period difference d = period 1 − period 2; with d̄₁ the mean
 * of those who had the treatment first and d̄₂ of those who had the comparator first, the treatment
 * effect is (d̄₁ − d̄₂)/2 and the period effect (period 1 − period 2) is (d̄₁ + d̄₂)/2, both with
 * standard error ½·s·√(1/n₁ + 1/n₂), s² the pooled variance of the d's, on n₁ + n₂ − 2 df: the
 * two-sample t test with pooled variance, halved.
 */
public final class CrossoverStatistics {

  private CrossoverStatistics() {}

  /** The treatment effect of a 2×2 crossover from the period differences of the two groups. */
  public static CrossoverEstimate treatmentEffect(
      double[] treatmentFirst, double[] comparatorFirst) {
    return halfPooled(treatmentFirst, comparatorFirst, -1);
  }

  /** The period effect (period 1 − period 2) of a 2×2 crossover, from the same differences. */
  public static CrossoverEstimate periodEffect(double[] treatmentFirst, double[] comparatorFirst) {
    return halfPooled(treatmentFirst, comparatorFirst, +1);
  }

  /**
   * The paired t test of within-participant differences (treatment − comparator): their mean, SD,
   * standard error SD/√n, t on n − 1 df, the 95% interval and two-sided p.
   */
  public static CrossoverEstimate paired(double[] differences) {
    int n = differences.length;
    if (n == 0) {
      return empty(0, "no participant has values under both treatments");
    }
    double mean = Descriptives.mean(differences);
    if (n < 2) {
      return new CrossoverEstimate(
          n,
          mean,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "one difference: no variance, so no interval or test");
    }
    double sd = Math.sqrt(Descriptives.variance(differences, mean));
    return tTest(n, mean, sd, sd / Math.sqrt(n), n - 1);
  }

  /**
   * An N-of-1 participant's own estimate from the differences of their cycles: as {@link #paired}
   * (mean, SD, t interval on k − 1 df), with the reason when one cycle allows no interval.
   */
  public static CrossoverEstimate ownEstimate(double[] cycleDifferences) {
    if (cycleDifferences.length == 0) {
      return empty(0, "no cycle gives a value under both treatments");
    }
    if (cycleDifferences.length == 1) {
      return new CrossoverEstimate(
          1,
          cycleDifferences[0],
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "one cycle: the participant's variation between cycles cannot be estimated, so no"
              + " interval");
    }
    return paired(cycleDifferences);
  }

  /**
   * (mean(a) + sign·mean(b))/2 with the pooled two-sample standard error halved; sign −1 gives the
   * treatment effect, +1 the period effect.
   */
  private static CrossoverEstimate halfPooled(double[] a, double[] b, int sign) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      return empty(n1 + n2, "the AB/BA analysis needs participants in both sequences");
    }
    double m1 = Descriptives.mean(a);
    double m2 = Descriptives.mean(b);
    double estimate = (m1 + sign * m2) / 2;
    int df = n1 + n2 - 2;
    if (df < 1) {
      return new CrossoverEstimate(
          n1 + n2,
          estimate,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          "one participant per sequence: no variance, so no interval or test");
    }
    double squares =
        (n1 > 1 ? (n1 - 1) * Descriptives.variance(a, m1) : 0)
            + (n2 > 1 ? (n2 - 1) * Descriptives.variance(b, m2) : 0);
    double pooledSd = Math.sqrt(squares / df);
    double se = pooledSd * Math.sqrt(1.0 / n1 + 1.0 / n2) / 2;
    return tTest(n1 + n2, estimate, pooledSd, se, df);
  }

  private static CrossoverEstimate tTest(int n, double estimate, double sd, double se, int df) {
    double half = Descriptives.tQuantile975(df) * se;
    if (!(se > 0)) {
      // every difference equal: the interval is a point and t is undefined
      return new CrossoverEstimate(
          n,
          estimate,
          sd,
          se,
          estimate,
          estimate,
          null,
          (double) df,
          null,
          null,
          null,
          null,
          "no variation between the differences: t is undefined");
    }
    double t = estimate / se;
    return new CrossoverEstimate(
        n,
        estimate,
        sd,
        se,
        estimate - half,
        estimate + half,
        t,
        (double) df,
        Descriptives.twoSidedP(t, df),
        null,
        null,
        null,
        null);
  }

  private static CrossoverEstimate empty(int n, String note) {
    return new CrossoverEstimate(
        n, null, null, null, null, null, null, null, null, null, null, null, note);
  }
}
