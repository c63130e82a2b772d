package org.psybiome.biomarker.service.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.model.TrialSnapshot;

/**
 * What an arm receives, as the record's interventions type it: the types it is pooled by, and
 * whether it is an adjunct arm (it also receives standard care that the psychobiotic is added to).
 */
final class ArmInterventions {

  /** Types that say what the arm is compared on, not what it tests. */
  private static final Set<String> BACKGROUND =
      Set.of(TrialIntervention.STANDARD_CARE, "PLACEBO", "SHAM", "ATTENTION_CONTROL");

  private ArmInterventions() {}

  /** The arm's interventions (none when the record's interventions are not known). */
  static List<TrialIntervention> of(TrialSnapshot trial, TrialArm arm) {
    if (trial.interventions() == null) {
      return List.of();
    }
    List<TrialIntervention> received = new ArrayList<>();
    for (String code : arm.interventionCodes()) {
      trial.interventions().stream()
          .filter(i -> i.code().equals(code))
          .findFirst()
          .ifPresent(received::add);
    }
    return received;
  }

  static boolean hasType(TrialSnapshot trial, TrialArm arm, String type) {
    return of(trial, arm).stream().anyMatch(i -> type.equals(i.type()));
  }

  static boolean adjunct(TrialSnapshot trial, TrialArm arm) {
    return of(trial, arm).stream()
        .anyMatch(
            i ->
                TrialIntervention.STANDARD_CARE.equals(i.type())
                    && Boolean.TRUE.equals(i.adjunct()));
  }

  /** The arm's tested types joined with + in the record's order (PROBIOTIC, FMT+DIET), or NONE. */
  static String label(TrialSnapshot trial, TrialArm arm) {
    List<String> types =
        of(trial, arm).stream()
            .map(TrialIntervention::type)
            .filter(Objects::nonNull)
            .filter(t -> !BACKGROUND.contains(t))
            .distinct()
            .toList();
    return types.isEmpty() ? "NONE" : String.join("+", types);
  }

  /** Whether the arm matches the filters given (null: any). */
  static boolean matches(TrialSnapshot trial, TrialArm arm, String type, Boolean adjunct) {
    return (type == null || hasType(trial, arm, type))
        && (adjunct == null || adjunct == adjunct(trial, arm));
  }
}
