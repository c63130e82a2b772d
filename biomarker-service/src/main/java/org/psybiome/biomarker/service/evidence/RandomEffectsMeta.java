package org.psybiome.biomarker.service.evidence;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.psybiome.biomarker.service.Descriptives;

/**
 * Random-effects meta-analysis as the field reports it (Cochrane Handbook ch. 10; IntHout et al.
 * 2014): τ² by restricted maximum likelihood, the pooled estimate weighted by 1/(vᵢ + τ²), its
 * interval by Hartung–Knapp–Sidik–Jonkman (the weighted residual variance scales the standard
 * error, not truncated at 1, with t on k − 1 df), and the prediction interval μ̂ ± t(k − 1)·√(SE² +
 * τ²). These are the choices of R metafor's {@code rma(method = "REML", test = "knha")} and {@code
 * predict()}, which the tests compare against.
 */
public final class RandomEffectsMeta {

  /** Fisher scoring stops when τ² moves less than this (metafor's default is 1e-5; we go finer). */
  private static final double TOLERANCE = 1e-13;

  private static final int MAX_ITERATIONS = 1000;

  private RandomEffectsMeta() {}

  /**
   * Pools two or more studies.
   *
   * @throws IllegalArgumentException for fewer than two studies: nothing to pool, and no
   *     between-study variance or interval with 0 degrees of freedom
   */
  public static PooledEffect pool(List<StudyEffect> studies) {
    int k = studies.size();
    if (k < 2) {
      throw new IllegalArgumentException("pooling needs at least two studies, got " + k);
    }
    double[] y = new double[k];
    double[] v = new double[k];
    for (int i = 0; i < k; i++) {
      y[i] = studies.get(i).estimate();
      v[i] = studies.get(i).variance();
    }
    double tau2 = remlTau2(y, v);
    double[] w = weights(v, tau2);
    double sw = sum(w);
    double mu = weightedMean(y, w);
    double residual = 0;
    for (int i = 0; i < k; i++) {
      residual += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    int df = k - 1;
    double se = Math.sqrt(residual / df / sw);
    double quantile = Descriptives.tQuantile975(df);
    double t = mu / se;
    double prediction = quantile * Math.sqrt(se * se + tau2);
    Heterogeneity h = heterogeneity(y, v, tau2);
    return new PooledEffect(
        k,
        mu,
        se,
        mu - quantile * se,
        mu + quantile * se,
        t,
        df,
        Descriptives.twoSidedP(t, df),
        tau2,
        h.i2,
        h.h2,
        h.q,
        h.qP,
        mu - prediction,
        mu + prediction);
  }

  /** The pooled estimate without each study in turn (needs three or more). */
  public static List<PooledEffect> leaveOneOut(List<StudyEffect> studies) {
    List<PooledEffect> out = new ArrayList<>();
    for (int i = 0; i < studies.size(); i++) {
      List<StudyEffect> others = new ArrayList<>(studies);
      others.remove(i);
      out.add(pool(others));
    }
    return out;
  }

  /**
   * REML τ² by Fisher scoring (Viechtbauer 2005, eq. 12) from the DerSimonian–Laird value, each
   * step projected onto τ² ≥ 0 so that a boundary optimum ends at exactly 0.
   */
  static double remlTau2(double[] y, double[] v) {
    double tau2 = dersimonianLaird(y, v);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double[] w = weights(v, tau2);
      double sw = sum(w);
      double mu = weightedMean(y, w);
      double sw2 = 0;
      double sw3 = 0;
      double yPPy = 0;
      for (int i = 0; i < y.length; i++) {
        sw2 += w[i] * w[i];
        sw3 += w[i] * w[i] * w[i];
        yPPy += w[i] * w[i] * (y[i] - mu) * (y[i] - mu);
      }
      double trP = sw - sw2 / sw;
      double trPP = sw2 - 2 * sw3 / sw + (sw2 / sw) * (sw2 / sw);
      double next = Math.max(0, tau2 + (yPPy - trP) / trPP);
      if (Math.abs(next - tau2) < TOLERANCE) {
        return next;
      }
      tau2 = next;
    }
    throw new ArithmeticException("REML τ² did not converge in " + MAX_ITERATIONS + " steps");
  }

  private static double dersimonianLaird(double[] y, double[] v) {
    double[] w = weights(v, 0);
    double sw = sum(w);
    double sw2 = 0;
    for (double wi : w) {
      sw2 += wi * wi;
    }
    double q = 0;
    double mu = weightedMean(y, w);
    for (int i = 0; i < y.length; i++) {
      q += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    return Math.max(0, (q - (y.length - 1)) / (sw - sw2 / sw));
  }

  private record Heterogeneity(double q, double qP, double i2, double h2) {}

  /**
   * Cochran's Q with fixed-effect weights, its χ²(k − 1) upper tail (as the regularised gamma Q,
   * exact for tiny p), and I² = τ²/(τ² + s²), H² = (τ² + s²)/s² with the "typical" within-study
   * variance s² = (k − 1)Σw/((Σw)² − Σw²) (Higgins & Thompson 2002), as metafor reports them.
   */
  private static Heterogeneity heterogeneity(double[] y, double[] v, double tau2) {
    double[] w = weights(v, 0);
    double sw = sum(w);
    double sw2 = 0;
    for (double wi : w) {
      sw2 += wi * wi;
    }
    double mu = weightedMean(y, w);
    double q = 0;
    for (int i = 0; i < y.length; i++) {
      q += w[i] * (y[i] - mu) * (y[i] - mu);
    }
    int df = y.length - 1;
    double s2 = df * sw / (sw * sw - sw2);
    return new Heterogeneity(
        q, Gamma.regularizedGammaQ(df / 2.0, q / 2), 100 * tau2 / (tau2 + s2), (tau2 + s2) / s2);
  }

  private static double[] weights(double[] v, double tau2) {
    double[] w = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      w[i] = 1 / (v[i] + tau2);
    }
    return w;
  }

  private static double weightedMean(double[] y, double[] w) {
    double num = 0;
    for (int i = 0; i < y.length; i++) {
      num += w[i] * y[i];
    }
    return num / sum(w);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double x : values) {
      s += x;
    }
    return s;
  }
}
