package org.psybiome.biomarker.service;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.TDistribution;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.GeometricMean;
import org.psybiome.biomarker.model.RatioComparison;
import org.psybiome.biomarker.model.Statistics;

/**
 * Figures on the natural-log scale, back-transformed: geometric means with their t interval and the
 * ratio of two arms' geometric means from Welch's test on the logs. Values ≤ 0 have no log; they
 * are left out and counted, never replaced.
 */
final class LogScale {

  private static final double QUANTILE_ACCURACY = 1e-14;

  private LogScale() {}

  static double[] logs(double[] values) {
    return Arrays.stream(values).filter(v -> v > 0).map(Math::log).toArray();
  }

  static int nonPositive(double[] values) {
    return (int) Arrays.stream(values).filter(v -> !(v > 0)).count();
  }

  static GeometricMean geometricMean(double[] values) {
    double[] logs = logs(values);
    int n = logs.length;
    int excluded = nonPositive(values);
    if (n == 0) {
      return new GeometricMean(0, excluded, null, null, null);
    }
    double mean = Descriptives.mean(logs);
    if (n < 2) {
      return new GeometricMean(n, excluded, Math.exp(mean), null, null);
    }
    double half = quantile(n - 1) * Math.sqrt(Descriptives.variance(logs, mean)) / Math.sqrt(n);
    return new GeometricMean(
        n, excluded, Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half));
  }

  /** Arm (1) vs comparator (2) on the logs of their values. */
  static RatioComparison compare(double[] one, double[] two) {
    double[] a = logs(one);
    double[] b = logs(two);
    int excluded = nonPositive(one) + nonPositive(two);
    Statistics s1 = Descriptives.of(a, 0, 0, 0);
    Statistics s2 = Descriptives.of(b, 0, 0, 0);
    ArmComparison welch = Descriptives.compare("", s1, "", s2);
    Double ratio = welch.meanDifference() == null ? null : Math.exp(welch.meanDifference());
    Double low = null;
    Double high = null;
    if (welch.welchT() != null) {
      double se = Math.sqrt(s1.sd() * s1.sd() / a.length + s2.sd() * s2.sd() / b.length);
      double half = quantile(welch.welchDf()) * se;
      low = Math.exp(welch.meanDifference() - half);
      high = Math.exp(welch.meanDifference() + half);
    }
    return new RatioComparison(
        a.length,
        b.length,
        excluded,
        ratio,
        low,
        high,
        welch.welchT(),
        welch.welchDf(),
        welch.welchP(),
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static double quantile(double df) {
    return new TDistribution(df, QUANTILE_ACCURACY).inverseCumulativeProbability(0.975);
  }
}
