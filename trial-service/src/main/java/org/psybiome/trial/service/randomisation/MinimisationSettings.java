package org.psybiome.trial.service.randomisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Pocock–Simon parameters.
 *
 * @param measure the imbalance at one level; absent means RANGE
 * @param factorWeights the weight of each factor's imbalance in the total, by factor name; a factor
 *     not named weighs 1
 * @param probability the chance of assigning an arm that minimises the total imbalance, in (0.5,
 *     1]; 1 makes minimisation deterministic except for ties
 */
public record MinimisationSettings(
    ImbalanceMeasure measure, Map<String, Double> factorWeights, double probability) {

  public MinimisationSettings {
    measure = measure == null ? ImbalanceMeasure.RANGE : measure;
    factorWeights =
        factorWeights == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(factorWeights));
  }

  /** Range, every factor weighing 1. */
  public static MinimisationSettings withProbability(double probability) {
    return new MinimisationSettings(ImbalanceMeasure.RANGE, Map.of(), probability);
  }

  double weightOf(String factor) {
    Double weight = factorWeights.get(factor);
    return weight == null ? 1.0 : weight;
  }
}
