package org.psybiome.biomarker.service.response;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.psybiome.biomarker.model.ResponseAnalysis.Interval;

/**
 * 95% intervals of a proportion of {@code events} in {@code n} (n at least 1): the exact
 * Clopper–Pearson interval from beta quantiles, and Wilson's score interval.
 */
final class BinomialIntervals {

  static final double ALPHA = 0.05;

  /** The standard normal's 97.5th percentile, 1.959963984540054. */
  static final double Z = new NormalDistribution().inverseCumulativeProbability(1 - ALPHA / 2);

  // the default solver accuracy (1e-9 absolute) would leave a lower limit near 0 few digits
  private static final double QUANTILE_ACCURACY = 1e-15;

  private BinomialIntervals() {}

  /** Beta(x, n − x + 1) and Beta(x + 1, n − x) quantiles; 0 and 1 at the ends. */
  static Interval clopperPearson(int events, int n) {
    double low =
        events == 0
            ? 0
            : new BetaDistribution(events, n - events + 1, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(ALPHA / 2);
    double high =
        events == n
            ? 1
            : new BetaDistribution(events + 1, n - events, QUANTILE_ACCURACY)
                .inverseCumulativeProbability(1 - ALPHA / 2);
    return new Interval(low, high);
  }

  /** Wilson (1927): the score test's inversion, no continuity correction. */
  static Interval wilson(int events, int n) {
    double p = (double) events / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // at 0 or n events the formula's limit is exactly 0 or 1; rounding must not leave it beside
    return new Interval(
        events == 0 ? 0 : centre - half, events == n ? 1 : Math.min(1, centre + half));
  }
}
