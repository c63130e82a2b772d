package org.psybiome.biomarker.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.psybiome.biomarker.model.AncovaComparison;

/**
 * Baseline-adjusted comparison of arms (ANCOVA, Vickers &amp; Altman 2001): one ordinary least
 * squares model over every participant with a value at baseline and at the visit, value ~ intercept
 * + an indicator per arm other than the comparator (the reference) + baseline value. Each arm's
 * coefficient is its adjusted difference from the comparator, tested with t on the model's residual
 * degrees of freedom. Hipparchus fits the model (Householder QR), no matrix inverse of our own.
 */
final class Ancova {

  /** Inverse-CDF accuracy for t(0.975, df): the default (1e-9 absolute) is coarser than tested. */
  private static final double QUANTILE_ACCURACY = 1e-14;

  /** A participant in the model: arm code, baseline value, value at the visit. */
  record Observation(String arm, double baseline, double value) {}

  /** Per compared arm, its comparison; or why no model could be fitted. */
  record Fit(Map<String, AncovaComparison> byArm, String unavailableReason) {}

  private Ancova() {}

  /**
   * @param comparator the reference arm's code
   * @param others the other arms' codes, in the order of the comparisons
   */
  static Fit fit(List<Observation> observations, String comparator, List<String> others) {
    int nComparator = count(observations, comparator);
    if (nComparator == 0) {
      return unavailable("no participant of the comparator arm has values at baseline and visit");
    }
    // arms without data get no indicator: a column of zeros would make the model singular
    List<String> modelled = others.stream().filter(a -> count(observations, a) > 0).toList();
    List<Observation> used =
        observations.stream()
            .filter(o -> o.arm().equals(comparator) || modelled.contains(o.arm()))
            .toList();
    int n = used.size();
    int coefficients = modelled.size() + 2; // intercept, indicators, baseline
    if (modelled.isEmpty()) {
      return unavailable(
          "no arm but the comparator has participants with values at baseline and visit");
    }
    if (n <= coefficients) {
      return unavailable(
          n
              + " participants with values at baseline and visit are too few for a model of "
              + coefficients
              + " coefficients");
    }
    double[] y = new double[n];
    double[][] x = new double[n][coefficients - 1];
    for (int i = 0; i < n; i++) {
      Observation o = used.get(i);
      y[i] = o.value();
      for (int k = 0; k < modelled.size(); k++) {
        x[i][k] = modelled.get(k).equals(o.arm()) ? 1 : 0;
      }
      x[i][modelled.size()] = o.baseline();
    }
    double[] beta;
    double[] se;
    try {
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(y, x);
      beta = ols.estimateRegressionParameters();
      se = ols.estimateRegressionParametersStandardErrors();
    } catch (MathIllegalArgumentException e) {
      return unavailable("the model cannot be fitted: " + e.getMessage());
    }
    double df = n - coefficients;
    TDistribution t = new TDistribution(df, QUANTILE_ACCURACY);
    double quantile = t.inverseCumulativeProbability(0.975);
    Map<String, AncovaComparison> byArm = new LinkedHashMap<>();
    for (String arm : others) {
      int k = modelled.indexOf(arm);
      int nArm = count(observations, arm);
      if (k < 0) {
        byArm.put(
            arm,
            new AncovaComparison(
                n, nArm, nComparator, null, null, null, null, null, df, null, null));
        continue;
      }
      double b = beta[k + 1];
      double s = se[k + 1];
      boolean defined = Double.isFinite(s) && s > 0;
      Double tValue = defined ? b / s : null;
      byArm.put(
          arm,
          new AncovaComparison(
              n,
              nArm,
              nComparator,
              b,
              defined ? s : null,
              defined ? b - quantile * s : null,
              defined ? b + quantile * s : null,
              tValue,
              df,
              defined ? Descriptives.twoSidedP(tValue, df) : null,
              null));
    }
    return new Fit(byArm, null);
  }

  /** Holm's adjustment over the arms' p values. */
  static Map<String, AncovaComparison> withHolm(Map<String, AncovaComparison> byArm) {
    List<String> arms = new ArrayList<>(byArm.keySet());
    List<Double> adjusted =
        PValueAdjustment.holm(arms.stream().map(a -> byArm.get(a).p()).toList());
    Map<String, AncovaComparison> result = new LinkedHashMap<>();
    for (int i = 0; i < arms.size(); i++) {
      result.put(arms.get(i), byArm.get(arms.get(i)).withPHolm(adjusted.get(i)));
    }
    return result;
  }

  private static Fit unavailable(String reason) {
    return new Fit(Map.of(), reason);
  }

  private static int count(List<Observation> observations, String arm) {
    return (int) observations.stream().filter(o -> o.arm().equals(arm)).count();
  }
}
