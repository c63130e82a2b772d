package org.psybiome.trial.service.randomisation;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Pearson's chi-squared statistic and its critical value, for the tests' uniformity checks. */
final class ChiSquared {

  private ChiSquared() {}

  /** Sum over cells of (observed − expected)² / expected. */
  static double statistic(long[] observed, double[] expected) {
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      sum += d * d / expected[i];
    }
    return sum;
  }

  /** The value a chi-squared variable with these degrees of freedom exceeds with probability α. */
  static double critical(int degreesOfFreedom, double alpha) {
    return new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - alpha);
  }
}
