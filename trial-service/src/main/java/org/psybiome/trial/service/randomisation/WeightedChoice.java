package org.psybiome.trial.service.randomisation;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A random choice among some of a scheme's arms in proportion to their ratio weights: every random
 * choice of an arm in this package (simple randomisation, minimisation's ties and its non-preferred
 * arms) is one, so a 2:1 ratio is honoured wherever chance decides.
 */
final class WeightedChoice {

  private WeightedChoice() {}

  static String among(List<String> arms, RandomisationScheme scheme, RandomGenerator random) {
    if (arms.size() == 1) {
      return arms.get(0);
    }
    int total = arms.stream().mapToInt(scheme::weightOf).sum();
    // nextInt(bound) is uniform, so arm k is chosen with probability weight_k / total
    int draw = random.nextInt(total);
    for (String arm : arms) {
      draw -= scheme.weightOf(arm);
      if (draw < 0) {
        return arm;
      }
    }
    throw new IllegalStateException("unreachable: the draw is below the total weight");
  }
}
