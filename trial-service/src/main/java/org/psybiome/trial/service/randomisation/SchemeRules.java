package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.RandomisationMethod;

/**
 * What is wrong with a scheme, or with a participant's factor levels under a scheme, as violations
 * with a field path and a message; an empty list means nothing is.
 */
public final class SchemeRules {

  /** Arm and sequence codes, factor names and levels: no '=' or '|', which build stratum keys. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

  private static final String FORMAT = "must be 1 to 40 letters, digits, '_', '.' or '-'";

  private SchemeRules() {}

  public static List<Violation> check(RandomisationScheme scheme) {
    List<Violation> violations = new ArrayList<>();
    if (scheme.method() == null) {
      violations.add(Violation.of("method", "is required"));
    }
    arms(scheme, violations);
    RandomisationMethod method = scheme.method();
    boolean blocks =
        method == RandomisationMethod.PERMUTED_BLOCKS
            || method == RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS;
    if (blocks) {
      multipliers(scheme.blockMultipliers(), violations);
    } else if (method != null && !scheme.blockMultipliers().isEmpty()) {
      violations.add(Violation.of("blockMultipliers", "are not used by " + method));
    }
    boolean factorsUsed =
        method == RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS
            || method == RandomisationMethod.MINIMISATION;
    if (factorsUsed) {
      factors(scheme.factors(), violations);
    } else if (method != null && !scheme.factors().isEmpty()) {
      violations.add(Violation.of("factors", "are not used by " + method));
    }
    if (method == RandomisationMethod.MINIMISATION) {
      minimisation(scheme, violations);
    } else if (method != null && scheme.minimisation() != null) {
      violations.add(Violation.of("minimisation", "is not used by " + method));
    }
    return violations;
  }

  /**
   * A participant's level of every factor of the scheme, by factor name: each factor given, each
   * level one of its factor's, no other factor. Designs without factors accept an empty map.
   */
  public static List<Violation> checkParticipant(
      RandomisationScheme scheme, Map<String, String> levels) {
    List<Violation> violations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Factor factor : scheme.factors()) {
      names.add(factor.name());
      String level = levels.get(factor.name());
      if (level == null) {
        violations.add(Violation.of("strata." + factor.name(), "is required"));
      } else if (!factor.levels().contains(level)) {
        violations.add(
            Violation.of(
                "strata." + factor.name(), "must be one of " + String.join(", ", factor.levels())));
      }
    }
    levels.keySet().stream()
        .filter(name -> !names.contains(name))
        .sorted()
        .forEach(
            name ->
                violations.add(Violation.of("strata." + name, "is not a factor of the scheme")));
    return violations;
  }

  private static void arms(RandomisationScheme scheme, List<Violation> violations) {
    if (scheme.arms().size() < 2) {
      violations.add(Violation.of("arms", "must name at least 2 arms"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < scheme.arms().size(); i++) {
      String arm = scheme.arms().get(i);
      String field = "arms[" + i + "]";
      if (arm == null || !CODE.matcher(arm).matches()) {
        violations.add(Violation.of(field, FORMAT));
      } else if (!seen.add(arm)) {
        violations.add(Violation.of(field, "is used twice"));
      } else {
        Integer weight = scheme.ratio().get(arm);
        if (weight == null) {
          violations.add(Violation.of("ratio." + arm, "is required: every arm needs a weight"));
        } else if (weight < 1) {
          violations.add(Violation.of("ratio." + arm, "must be a whole number of at least 1"));
        }
      }
    }
    scheme.ratio().keySet().stream()
        .filter(arm -> !seen.contains(arm))
        .map(String::valueOf)
        .sorted()
        .forEach(
            arm -> violations.add(Violation.of("ratio." + arm, "is not an arm of the scheme")));
  }

  private static void multipliers(List<Integer> multipliers, List<Violation> violations) {
    if (multipliers.isEmpty()) {
      violations.add(Violation.of("blockMultipliers", "must name at least one block multiplier"));
    }
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < multipliers.size(); i++) {
      Integer multiplier = multipliers.get(i);
      String field = "blockMultipliers[" + i + "]";
      if (multiplier == null || multiplier < 1) {
        violations.add(Violation.of(field, "must be a whole number of at least 1"));
      } else if (!seen.add(multiplier)) {
        violations.add(Violation.of(field, "is used twice"));
      }
    }
  }

  private static void factors(List<Factor> factors, List<Violation> violations) {
    if (factors.isEmpty()) {
      violations.add(Violation.of("factors", "must name at least one factor"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < factors.size(); i++) {
      Factor factor = factors.get(i);
      String field = "factors[" + i + "]";
      if (factor == null) {
        violations.add(Violation.of(field, "is required"));
        continue;
      }
      if (factor.name() == null || !CODE.matcher(factor.name()).matches()) {
        violations.add(Violation.of(field + ".name", FORMAT));
      } else if (!names.add(factor.name())) {
        violations.add(Violation.of(field + ".name", "is used twice"));
      }
      if (factor.levels().size() < 2) {
        violations.add(Violation.of(field + ".levels", "must name at least 2 levels"));
      }
      Set<String> levels = new HashSet<>();
      for (int j = 0; j < factor.levels().size(); j++) {
        String level = factor.levels().get(j);
        String levelField = field + ".levels[" + j + "]";
        if (level == null || !CODE.matcher(level).matches()) {
          violations.add(Violation.of(levelField, FORMAT));
        } else if (!levels.add(level)) {
          violations.add(Violation.of(levelField, "is used twice"));
        }
      }
    }
  }

  private static void minimisation(RandomisationScheme scheme, List<Violation> violations) {
    MinimisationSettings settings = scheme.minimisation();
    if (settings == null) {
      violations.add(Violation.of("minimisation", "is required by MINIMISATION"));
      return;
    }
    double p = settings.probability();
    if (!(p > 0.5 && p <= 1.0)) {
      // at 0.5 or below, the arm that minimises imbalance would not be favoured
      violations.add(Violation.of("minimisation.probability", "must be above 0.5 and at most 1"));
    }
    Set<String> names = new HashSet<>();
    scheme.factors().stream().filter(f -> f != null).forEach(f -> names.add(f.name()));
    settings.factorWeights().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.nullsFirst(String::compareTo)))
        .forEach(
            e -> {
              String field = "minimisation.factorWeights." + e.getKey();
              if (!names.contains(e.getKey())) {
                violations.add(Violation.of(field, "is not a factor of the scheme"));
              } else if (e.getValue() == null
                  || !Double.isFinite(e.getValue())
                  || e.getValue() <= 0) {
                violations.add(Violation.of(field, "must be a positive number"));
              }
            });
  }
}
