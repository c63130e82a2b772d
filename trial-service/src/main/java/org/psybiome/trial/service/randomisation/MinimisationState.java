package org.psybiome.trial.service.randomisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running state of a minimised trial: how many participants with each level of each factor
 * every arm has, as {@code counts.get(arm).get(factor).get(level)}. Plain data, stored with the
 * trial and replaced by the state each allocation returns.
 */
public record MinimisationState(Map<String, Map<String, Map<String, Integer>>> counts) {

  public MinimisationState {
    Map<String, Map<String, Map<String, Integer>>> byArm = new LinkedHashMap<>();
    counts.forEach(
        (arm, byFactor) -> {
          Map<String, Map<String, Integer>> factors = new LinkedHashMap<>();
          byFactor.forEach(
              (factor, byLevel) ->
                  factors.put(factor, Collections.unmodifiableMap(new LinkedHashMap<>(byLevel))));
          byArm.put(arm, Collections.unmodifiableMap(factors));
        });
    counts = Collections.unmodifiableMap(byArm);
  }

  /** No participant yet: every arm, factor and level at 0. */
  public static MinimisationState empty(RandomisationScheme scheme) {
    Map<String, Map<String, Map<String, Integer>>> byArm = new LinkedHashMap<>();
    for (String arm : scheme.arms()) {
      Map<String, Map<String, Integer>> byFactor = new LinkedHashMap<>();
      for (Factor factor : scheme.factors()) {
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        factor.levels().forEach(level -> byLevel.put(level, 0));
        byFactor.put(factor.name(), byLevel);
      }
      byArm.put(arm, byFactor);
    }
    return new MinimisationState(byArm);
  }

  public int count(String arm, String factor, String level) {
    return counts.getOrDefault(arm, Map.of()).getOrDefault(factor, Map.of()).getOrDefault(level, 0);
  }

  /** This state with one more participant of these levels (by factor name) in the arm. */
  public MinimisationState after(String arm, Map<String, String> levels) {
    Map<String, Map<String, Map<String, Integer>>> byArm = new LinkedHashMap<>();
    counts.forEach(
        (a, byFactor) -> {
          Map<String, Map<String, Integer>> factors = new LinkedHashMap<>();
          byFactor.forEach((factor, byLevel) -> factors.put(factor, new LinkedHashMap<>(byLevel)));
          byArm.put(a, factors);
        });
    Map<String, Map<String, Integer>> ofArm =
        byArm.computeIfAbsent(arm, a -> new LinkedHashMap<>());
    levels.forEach(
        (factor, level) ->
            ofArm
                .computeIfAbsent(factor, f -> new LinkedHashMap<>())
                .merge(level, 1, Integer::sum));
    return new MinimisationState(byArm);
  }
}
