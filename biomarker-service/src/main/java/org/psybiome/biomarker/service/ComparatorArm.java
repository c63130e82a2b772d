package org.psybiome.biomarker.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;

/**
 * The arm every other arm is compared with. The one the trial declares (design.comparatorArm);
 * without a declaration, the only arm that is a placebo, a sham or no intervention; without such an
 * arm, the only active comparator. Anything else is ambiguous, and nothing is compared rather than
 * an arm picked by its position.
 */
public record ComparatorArm(TrialArm arm, String rule, String noComparisonReason) {

  static final String DECLARED = "DECLARED";
  static final String SOLE_INACTIVE = "SOLE_INACTIVE_COMPARATOR";
  static final String SOLE_ACTIVE = "SOLE_ACTIVE_COMPARATOR";

  private static final Set<String> INACTIVE =
      Set.of("PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION");
  private static final String ACTIVE = "ACTIVE_COMPARATOR";

  public static ComparatorArm of(TrialSnapshot trial) {
    ComparatorArm chosen = choose(trial);
    if (chosen.arm() != null && trial.arms().size() < 2) {
      return none("the trial has no arm besides its comparator " + chosen.arm().code());
    }
    return chosen;
  }

  public Optional<TrialArm> optional() {
    return Optional.ofNullable(arm);
  }

  private static ComparatorArm choose(TrialSnapshot trial) {
    String declared = trial.comparatorArm();
    if (declared != null) {
      return trial
          .arm(declared)
          .map(arm -> new ComparatorArm(arm, DECLARED, null))
          .orElseGet(
              () ->
                  none(
                      "the declared comparator arm "
                          + declared
                          + " is not an arm of the trial's record"));
    }
    List<TrialArm> inactive =
        trial.arms().stream().filter(arm -> INACTIVE.contains(arm.type())).toList();
    if (inactive.size() == 1) {
      return new ComparatorArm(inactive.get(0), SOLE_INACTIVE, null);
    }
    if (inactive.size() > 1) {
      return none(
          "no comparator arm is declared and "
              + inactive.size()
              + " arms are placebo, sham or no intervention: which one is the comparator is not"
              + " known");
    }
    List<TrialArm> active = trial.arms().stream().filter(arm -> ACTIVE.equals(arm.type())).toList();
    if (active.size() == 1) {
      return new ComparatorArm(active.get(0), SOLE_ACTIVE, null);
    }
    return none(
        active.isEmpty()
            ? "no comparator arm is declared and no arm is a placebo, sham, no-intervention or"
                + " active comparator"
            : "no comparator arm is declared and "
                + active.size()
                + " arms are active comparators: which one is the comparator is not known");
  }

  private static ComparatorArm none(String reason) {
    return new ComparatorArm(null, null, reason);
  }
}
