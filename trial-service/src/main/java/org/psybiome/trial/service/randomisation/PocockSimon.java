package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Minimisation after Pocock and Simon (1975, Biometrics 31:103–115). For each arm k, suppose the
 * new participant were assigned to k: at each of the participant's factor levels take the arms'
 * counts there (k's plus one), each divided by the arm's ratio weight so that a 2:1 trial is
 * balanced when the counts are 2:1, and measure their imbalance (range or variance); the total G(k)
 * is the factor-weighted sum over the factors. With probability p the participant goes to an arm of
 * least G, otherwise to one of the others; when every arm has the same G the choice is among all
 * arms. Each random choice among several arms is in proportion to their weights.
 *
 * <p>With more than two arms Pocock and Simon also allow a probability for each rank of G; this
 * engine uses the one-parameter form above (p for the arms of least G, 1 − p shared by the rest).
 * With unequal ratios the share of each arm is close to, not exactly, its weight's share: over
 * simulated 2:1 trials the heavier arm received about 0.657 of participants instead of 2/3
 * (MinimisationSimulationTest), so a trial that must keep the ratio exactly should use blocks.
 */
final class PocockSimon {

  // G values are sums of quotients; two arms tie when they agree to this relative precision
  private static final double TIE = 1e-9;

  private PocockSimon() {}

  static MinimisationAllocation allocate(
      RandomisationScheme scheme,
      MinimisationState state,
      Map<String, String> levels,
      RandomGenerator random) {
    MinimisationSettings settings = scheme.minimisation();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (String candidate : scheme.arms()) {
      double total = 0;
      for (Factor factor : scheme.factors()) {
        String level = levels.get(factor.name());
        double[] adjusted = new double[scheme.arms().size()];
        for (int j = 0; j < adjusted.length; j++) {
          String arm = scheme.arms().get(j);
          int count = state.count(arm, factor.name(), level) + (arm.equals(candidate) ? 1 : 0);
          adjusted[j] = (double) count / scheme.weightOf(arm);
        }
        total += settings.weightOf(factor.name()) * imbalance(settings.measure(), adjusted);
      }
      totals.put(candidate, total);
    }
    double least = totals.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    List<String> preferred = new ArrayList<>();
    List<String> others = new ArrayList<>();
    totals.forEach(
        (arm, total) ->
            (total - least <= TIE * Math.max(1.0, Math.abs(least)) ? preferred : others).add(arm));
    String arm;
    if (others.isEmpty()) {
      arm = WeightedChoice.among(preferred, scheme, random);
    } else {
      // p = 1 always takes the preferred arms, since nextDouble() is below 1
      boolean takePreferred = random.nextDouble() < settings.probability();
      arm = WeightedChoice.among(takePreferred ? preferred : others, scheme, random);
    }
    return new MinimisationAllocation(arm, state.after(arm, levels), totals, preferred);
  }

  private static double imbalance(ImbalanceMeasure measure, double[] adjusted) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double x : adjusted) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    if (measure == ImbalanceMeasure.RANGE) {
      return max - min;
    }
    double mean = sum / adjusted.length;
    double squares = 0;
    for (double x : adjusted) {
      squares += (x - mean) * (x - mean);
    }
    return squares / adjusted.length;
  }
}
