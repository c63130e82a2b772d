package org.psybiome.biomarker.service.subgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.special.Beta;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.psybiome.biomarker.model.SubgroupAnalysis.Effect;
import org.psybiome.biomarker.model.SubgroupAnalysis.Interaction;
import org.psybiome.biomarker.service.Descriptives;

/**
 * The models of a subgroup analysis of one comparison (experimental vs comparator), fitted by
 * ordinary least squares with Hipparchus (Householder QR) as the ANCOVA of summaries is. The
 * interaction: y ~ 1 + arm + subgroup indicators + arm × subgroup indicators + baseline, its
 * interaction terms tested jointly by F against the same model without them. Within a subgroup: y ~
 * 1 + arm + baseline (ANCOVA), else the unadjusted difference with Welch's interval.
 */
public final class SubgroupModels {

  static final String ANCOVA = "ANCOVA";
  static final String UNADJUSTED = "UNADJUSTED";

  /**
   * A participant of the comparison: whether in the experimental arm, the subgroup's index, the
   * outcome at baseline and at the visit (on the model's scale).
   */
  public record Observation(boolean experimental, int group, double baseline, double value) {}

  private SubgroupModels() {}

  /**
   * The interaction test over subgroups with participants of both arms (others would make the model
   * singular: they are left out and the groups in the model named).
   */
  public static Interaction interaction(List<Observation> observations, String model) {
    List<Integer> groups =
        observations.stream()
            .map(Observation::group)
            .distinct()
            .sorted()
            .filter(g -> count(observations, g, true) > 0 && count(observations, g, false) > 0)
            .toList();
    List<Observation> used = observations.stream().filter(o -> groups.contains(o.group())).toList();
    int n = used.size();
    if (groups.size() < 2) {
      return unavailable(
          model,
          n,
          groups,
          groups.size()
              + " subgroup(s) with participants of both arms: an interaction needs at least two");
    }
    int g = groups.size();
    int coefficients = 2 * g + 1; // intercept, arm, g−1 subgroups, g−1 interactions, baseline
    if (n <= coefficients) {
      return unavailable(
          model,
          n,
          groups,
          n + " participants are too few for a model of " + coefficients + " coefficients");
    }
    double[] y = used.stream().mapToDouble(Observation::value).toArray();
    double[][] full = new double[n][];
    double[][] reduced = new double[n][];
    for (int i = 0; i < n; i++) {
      Observation o = used.get(i);
      double arm = o.experimental() ? 1 : 0;
      double[] row = new double[2 * g];
      double[] without = new double[g + 1];
      row[0] = arm;
      without[0] = arm;
      for (int k = 1; k < g; k++) {
        double in = groups.get(k) == o.group() ? 1 : 0;
        row[k] = in;
        without[k] = in;
        row[g - 1 + k] = arm * in;
      }
      row[2 * g - 1] = o.baseline();
      without[g] = o.baseline();
      full[i] = row;
      reduced[i] = without;
    }
    try {
      OLSMultipleLinearRegression fullModel = ols(y, full);
      OLSMultipleLinearRegression reducedModel = ols(y, reduced);
      double rssFull = fullModel.calculateResidualSumOfSquares();
      double rssReduced = reducedModel.calculateResidualSumOfSquares();
      double df1 = g - 1;
      double df2 = n - coefficients;
      if (!(rssFull > 0)) {
        return unavailable(model, n, groups, "the model fits exactly: no residual variance");
      }
      // the full model can only fit better; a negative difference is rounding
      double f = Math.max(0, (rssReduced - rssFull) / df1) / (rssFull / df2);
      // upper tail of F(df1, df2) as I_{df2/(df2+df1·F)}(df2/2, df1/2), no 1 − cdf cancellation
      double p = Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
      Double estimate = null;
      Double t = null;
      if (g == 2) {
        double[] beta = fullModel.estimateRegressionParameters();
        double[] se = fullModel.estimateRegressionParametersStandardErrors();
        estimate = beta[g + 1]; // after the intercept, arm and the g − 1 subgroup indicators
        t = estimate / se[g + 1];
      }
      return new Interaction(model, n, groups, f, df1, df2, p, estimate, t, null);
    } catch (MathIllegalArgumentException e) {
      return unavailable(model, n, groups, "the model cannot be fitted: " + e.getMessage());
    }
  }

  /**
   * The effect within one subgroup; {@code back} maps the estimate and interval to the reported
   * scale (exp on the log scale, identity otherwise).
   */
  public static Effect effect(
      int group, String label, List<Observation> members, Function<Double, Double> back) {
    int nExperimental = (int) members.stream().filter(Observation::experimental).count();
    int nComparator = members.size() - nExperimental;
    if (nExperimental == 0 || nComparator == 0) {
      return new Effect(
          group,
          label,
          nExperimental,
          nComparator,
          null,
          null,
          null,
          null,
          null,
          null,
          "no participant of "
              + (nExperimental == 0 ? "the experimental" : "the comparator")
              + " arm in the subgroup");
    }
    String ancovaReason;
    int n = members.size();
    if (n <= 3) {
      ancovaReason = n + " participants are too few for the ANCOVA's 3 coefficients";
    } else {
      double[] y = members.stream().mapToDouble(Observation::value).toArray();
      double[][] x = new double[n][];
      for (int i = 0; i < n; i++) {
        Observation o = members.get(i);
        x[i] = new double[] {o.experimental() ? 1 : 0, o.baseline()};
      }
      try {
        OLSMultipleLinearRegression fit = ols(y, x);
        double b = fit.estimateRegressionParameters()[1];
        double se = fit.estimateRegressionParametersStandardErrors()[1];
        if (Double.isFinite(se) && se > 0) {
          double df = n - 3;
          double half = Descriptives.tQuantile975(df) * se;
          return new Effect(
              group,
              label,
              nExperimental,
              nComparator,
              ANCOVA,
              back.apply(b),
              se,
              back.apply(b - half),
              back.apply(b + half),
              df,
              null);
        }
        ancovaReason = "the ANCOVA has no residual variance";
      } catch (MathIllegalArgumentException e) {
        ancovaReason = "the ANCOVA cannot be fitted: " + e.getMessage();
      }
    }
    return unadjusted(group, label, members, nExperimental, nComparator, back, ancovaReason);
  }

  private static Effect unadjusted(
      int group,
      String label,
      List<Observation> members,
      int nExperimental,
      int nComparator,
      Function<Double, Double> back,
      String ancovaReason) {
    double[] one = values(members, true);
    double[] two = values(members, false);
    double m1 = Descriptives.mean(one);
    double m2 = Descriptives.mean(two);
    double difference = m1 - m2;
    if (one.length < 2 || two.length < 2) {
      return new Effect(
          group,
          label,
          nExperimental,
          nComparator,
          UNADJUSTED,
          back.apply(difference),
          null,
          null,
          null,
          null,
          ancovaReason + "; an arm with one participant gives no interval");
    }
    double a = Descriptives.variance(one, m1) / one.length;
    double b = Descriptives.variance(two, m2) / two.length;
    if (!(a + b > 0)) {
      return new Effect(
          group,
          label,
          nExperimental,
          nComparator,
          UNADJUSTED,
          back.apply(difference),
          null,
          null,
          null,
          null,
          ancovaReason + "; the values do not vary, so there is no interval");
    }
    double se = Math.sqrt(a + b);
    double df = (a + b) * (a + b) / (a * a / (one.length - 1) + b * b / (two.length - 1));
    double half = Descriptives.tQuantile975(df) * se;
    return new Effect(
        group,
        label,
        nExperimental,
        nComparator,
        UNADJUSTED,
        back.apply(difference),
        se,
        back.apply(difference - half),
        back.apply(difference + half),
        df,
        ancovaReason + "; the unadjusted difference with Welch's interval is given");
  }

  private static double[] values(List<Observation> members, boolean experimental) {
    List<Double> values = new ArrayList<>();
    for (Observation o : members) {
      if (o.experimental() == experimental) {
        values.add(o.value());
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static OLSMultipleLinearRegression ols(double[] y, double[][] x) {
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    return ols;
  }

  private static Interaction unavailable(String model, int n, List<Integer> groups, String reason) {
    return new Interaction(model, n, groups, null, null, null, null, null, null, reason);
  }

  private static long count(List<Observation> observations, int group, boolean experimental) {
    return observations.stream()
        .filter(o -> o.group() == group && o.experimental() == experimental)
        .count();
  }
}
