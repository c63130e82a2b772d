package org.psybiome.biomarker.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.psybiome.biomarker.model.AncovaComparison;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.ArmSummary;
import org.psybiome.biomarker.model.RatioComparison;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;

/**
 * Every arm but the comparator compared with the comparator, in the trial's arm order: the
 * unadjusted two-sample figures, the ANCOVA, and on the log scale the same as ratios; each family
 * of p values Holm-adjusted over the comparisons of this analyte and visit.
 */
record ArmComparisons(List<ArmComparison> comparisons, String ancovaUnavailableReason) {

  /**
   * @param noAncova why no ANCOVA can be fitted whatever the data (no baseline visit, the visit is
   *     the baseline), or null
   * @param logScale whether log-scale figures are wanted
   */
  static ArmComparisons of(
      TrialSnapshot trial,
      TrialArm comparator,
      List<ArmSummary> arms,
      Map<String, String> allocation,
      Summaries.Values values,
      String noAncova,
      boolean logScale) {
    ArmSummary reference =
        arms.stream().filter(a -> a.code().equals(comparator.code())).findFirst().orElseThrow();
    double[] referenceValues = values.summarised(in(allocation, comparator.code()));
    List<ArmSummary> compared =
        arms.stream().filter(a -> !a.code().equals(comparator.code())).toList();
    List<String> codes = compared.stream().map(ArmSummary::code).toList();

    List<ArmComparison> comparisons = new ArrayList<>();
    for (ArmSummary arm : compared) {
      ArmComparison comparison =
          Descriptives.compare(arm.arm(), arm.statistics(), reference.arm(), reference.statistics())
              .withCodes(arm.code(), reference.code());
      if (logScale) {
        comparison =
            comparison.withLogScale(
                LogScale.compare(values.summarised(in(allocation, arm.code())), referenceValues));
      }
      comparisons.add(comparison);
    }
    List<Double> holm =
        PValueAdjustment.holm(comparisons.stream().map(ArmComparison::welchP).toList());
    if (logScale) {
      List<Double> logHolm =
          PValueAdjustment.holm(comparisons.stream().map(c -> c.logScale().p()).toList());
      for (int i = 0; i < comparisons.size(); i++) {
        ArmComparison c = comparisons.get(i);
        comparisons.set(i, c.withLogScale(c.logScale().withPHolm(logHolm.get(i))));
      }
    }
    for (int i = 0; i < comparisons.size(); i++) {
      comparisons.set(i, comparisons.get(i).withWelchPHolm(holm.get(i)));
    }
    if (noAncova != null) {
      return new ArmComparisons(comparisons, noAncova);
    }

    List<Ancova.Observation> observations = new ArrayList<>();
    List<Ancova.Observation> logObservations = new ArrayList<>();
    int nonPositive = 0;
    for (Map.Entry<String, double[]> pair : values.pairs().entrySet()) {
      String arm = allocation.get(pair.getKey());
      if (arm == null || trial.arm(arm).isEmpty()) {
        continue; // not allocated to an arm of the trial's record
      }
      double baseline = pair.getValue()[0];
      double value = pair.getValue()[1];
      observations.add(new Ancova.Observation(arm, baseline, value));
      if (baseline > 0 && value > 0) {
        logObservations.add(new Ancova.Observation(arm, Math.log(baseline), Math.log(value)));
      } else {
        nonPositive++;
      }
    }
    Ancova.Fit fit = Ancova.fit(observations, comparator.code(), codes);
    if (fit.unavailableReason() != null) {
      return new ArmComparisons(comparisons, fit.unavailableReason());
    }
    Map<String, AncovaComparison> ancova = Ancova.withHolm(fit.byArm());
    Map<String, AncovaComparison> logAncova =
        logScale
            ? Ancova.withHolm(Ancova.fit(logObservations, comparator.code(), codes).byArm())
            : Map.of();
    for (int i = 0; i < comparisons.size(); i++) {
      ArmComparison c = comparisons.get(i).withAncova(ancova.get(codes.get(i)));
      if (logScale) {
        RatioComparison ratio = c.logScale().withAncova(logAncova.get(codes.get(i)), nonPositive);
        c = c.withLogScale(ratio);
      }
      comparisons.set(i, c);
    }
    return new ArmComparisons(comparisons, null);
  }

  private static Predicate<String> in(Map<String, String> allocation, String arm) {
    return participant -> arm.equals(allocation.get(participant));
  }
}
