package org.psybiome.biomarker.service;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.Statistics;

/**
 * The formulas of the summaries, written out: descriptive statistics with "type 7" quantiles, and
 * the experimental-vs-comparator comparison (Hedges' g, Welch's t). Student's t distribution comes
 * from Hipparchus rather than an approximation of our own.
 */
public final class Descriptives {

  /**
   * The 0.975 quantile of the standard normal, rounded to six decimals: the confidence interval of
   * Hedges' g is g ± 1.959964·√Var(g).
   */
  static final double Z_975 = 1.959964;

  private Descriptives() {}

  /**
   * The statistics of {@code values}, with the counts that go beside them: censored, left out for
   * QC FAIL, and included with QC WARN.
   */
  static Statistics of(double[] values, int censored, int qcFail, int qcWarn) {
    int n = values.length;
    if (n == 0) {
      return new Statistics(0, censored, qcFail, qcWarn, null, null, null, null, null, null, null);
    }
    double[] x = values.clone();
    Arrays.sort(x);
    double mean = mean(x);
    Double sd = n < 2 ? null : Math.sqrt(variance(x, mean));
    return new Statistics(
        n,
        censored,
        qcFail,
        qcWarn,
        mean,
        sd,
        quantile(x, 0.5),
        quantile(x, 0.25),
        quantile(x, 0.75),
        x[0],
        x[n - 1]);
  }

  /** Type 7: h = (n−1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) over the sorted values. */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int low = (int) Math.floor(h);
    if (low + 1 >= sorted.length) {
      return sorted[low];
    }
    return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
  }

  public static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  /** Sample variance (n−1), two-pass for accuracy. */
  public static double variance(double[] x, double mean) {
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    return squares / (x.length - 1);
  }

  /** Experimental (1) vs comparator (2); fields that the data cannot define stay null. */
  static ArmComparison compare(
      String experimental, Statistics one, String comparator, Statistics two) {
    if (one.n() == 0 || two.n() == 0) {
      return new ArmComparison(
          experimental, comparator, null, null, null, null, null, null, null, null);
    }
    double n1 = one.n();
    double n2 = two.n();
    double difference = one.mean() - two.mean();
    Double g = null;
    Double varianceG = null;
    Double low = null;
    Double high = null;
    Double t = null;
    Double df = null;
    Double p = null;
    if (one.sd() != null && two.sd() != null) {
      double v1 = one.sd() * one.sd();
      double v2 = two.sd() * two.sd();
      double pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
      if (pooled > 0) {
        double j = 1 - 3 / (4 * (n1 + n2) - 9);
        g = j * difference / pooled;
        varianceG = (n1 + n2) / (n1 * n2) + g * g / (2 * (n1 + n2));
        double half = Z_975 * Math.sqrt(varianceG);
        low = g - half;
        high = g + half;
      }
      double a = v1 / n1;
      double b = v2 / n2;
      if (a + b > 0) {
        t = difference / Math.sqrt(a + b);
        df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        p = twoSidedP(t, df);
      }
    }
    return new ArmComparison(
        experimental, comparator, difference, g, varianceG, low, high, t, df, p);
  }

  /**
   * The 0.975 quantile of Student's t with {@code df} degrees of freedom (the half-width factor of
   * a 95% interval), solved to 1e-14 as {@link LogScale} does, so intervals agree with references
   * to far better than 1e-9.
   */
  public static double tQuantile975(double df) {
    return new TDistribution(df, 1e-14).inverseCumulativeProbability(0.975);
  }

  /**
   * Two-sided p of Student's t with {@code df} degrees of freedom, from the lower tail: 2·F(−|t|).
   * Hipparchus computes F(−|t|) as ½·I_{df/(df+t²)}(df/2, ½) without a subtraction, whereas 2·(1 −
   * F(|t|)) loses every digit once F(|t|) rounds to 1 (t = 40, df = 30 gave 0 instead of 1.37e-27).
   */
  public static double twoSidedP(double t, double df) {
    return 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
  }
}
