package org.psybiome.biomarker.service.evidence;

import org.hipparchus.special.Gamma;

/**
 * A two-arm trial's effect from its arms' summary statistics (mean, SD, n), as metafor's {@code
 * escalc} computes them: the mean difference with unequal-variance sampling variance, and Hedges' g
 * (the standardised mean difference with the exact small-sample correction J(m) = Γ(m/2) /
 * (√(m/2)·Γ((m − 1)/2)), m = n₁ + n₂ − 2; Hedges 1981) with the large-sample variance 1/n₁ + 1/n₂ +
 * g²/(2(n₁ + n₂)).
 */
public final class EffectSizes {

  private EffectSizes() {}

  /** One arm's summary statistics. */
  public record ArmStatistics(double mean, double sd, int n) {}

  public static StudyEffect meanDifference(
      String study, ArmStatistics treatment, ArmStatistics comparator) {
    return new StudyEffect(
        study,
        treatment.mean() - comparator.mean(),
        treatment.sd() * treatment.sd() / treatment.n()
            + comparator.sd() * comparator.sd() / comparator.n());
  }

  public static StudyEffect hedgesG(
      String study, ArmStatistics treatment, ArmStatistics comparator) {
    int n1 = treatment.n();
    int n2 = comparator.n();
    int m = n1 + n2 - 2;
    if (m < 2) {
      throw new IllegalArgumentException(study + ": Hedges' g needs n₁ + n₂ ≥ 4");
    }
    double pooledSd =
        Math.sqrt(
            ((n1 - 1) * treatment.sd() * treatment.sd()
                    + (n2 - 1) * comparator.sd() * comparator.sd())
                / m);
    double g = correction(m) * (treatment.mean() - comparator.mean()) / pooledSd;
    return new StudyEffect(study, g, 1.0 / n1 + 1.0 / n2 + g * g / (2.0 * (n1 + n2)));
  }

  /** Hedges' exact J(m), through log-gamma: Γ itself overflows beyond m ≈ 340. */
  static double correction(int m) {
    return Math.exp(
        Gamma.logGamma(m / 2.0) - 0.5 * Math.log(m / 2.0) - Gamma.logGamma((m - 1) / 2.0));
  }
}
