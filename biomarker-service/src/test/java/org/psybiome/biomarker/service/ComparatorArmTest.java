package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;

/** Which arm is the comparator: declared, else the sole inactive one, else the sole active one. */
class ComparatorArmTest {

  private static TrialArm arm(String code, String type) {
    return new TrialArm(code.toLowerCase(), type, code);
  }

  private static ComparatorArm of(String declared, TrialArm... arms) {
    return ComparatorArm.of(
        new TrialSnapshot(
            "PSB-2026-000001",
            "MINDGUT",
            "RECRUITING",
            1,
            false,
            false,
            true,
            List.of(),
            List.of(arms),
            declared));
  }

  @Test
  void aDeclaredArmWinsOverTypes() {
    ComparatorArm chosen =
        of(
            "ACT",
            arm("PRO", "EXPERIMENTAL"),
            arm("ACT", "ACTIVE_COMPARATOR"),
            arm("PLA", "PLACEBO_COMPARATOR"));
    assertThat(chosen.arm().code()).isEqualTo("ACT");
    assertThat(chosen.rule()).isEqualTo("DECLARED");
  }

  @Test
  void aDeclaredCodeThatIsNoArmGivesNoComparison() {
    ComparatorArm chosen = of("GONE", arm("PRO", "EXPERIMENTAL"), arm("PLA", "PLACEBO_COMPARATOR"));
    assertThat(chosen.arm()).isNull();
    assertThat(chosen.noComparisonReason()).contains("GONE");
  }

  @Test
  void theSoleInactiveArmBeforeAnActiveComparator() {
    for (String type : List.of("PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")) {
      ComparatorArm chosen =
          of(null, arm("ACT", "ACTIVE_COMPARATOR"), arm("PRO", "EXPERIMENTAL"), arm("INERT", type));
      assertThat(chosen.arm().code()).isEqualTo("INERT");
      assertThat(chosen.rule()).isEqualTo("SOLE_INACTIVE_COMPARATOR");
    }
  }

  @Test
  void theSoleActiveComparatorWhenNoArmIsInactive() {
    ComparatorArm chosen = of(null, arm("PRO", "EXPERIMENTAL"), arm("ACT", "ACTIVE_COMPARATOR"));
    assertThat(chosen.arm().code()).isEqualTo("ACT");
    assertThat(chosen.rule()).isEqualTo("SOLE_ACTIVE_COMPARATOR");
  }

  @Test
  void ambiguityOrAbsenceGivesNoComparisonWithAReason() {
    assertThat(
            of(
                    null,
                    arm("PRO", "EXPERIMENTAL"),
                    arm("PLA", "PLACEBO_COMPARATOR"),
                    arm("SH", "SHAM_COMPARATOR"))
                .noComparisonReason())
        .contains("2 arms are placebo, sham or no intervention");
    assertThat(
            of(
                    null,
                    arm("PRO", "EXPERIMENTAL"),
                    arm("A1", "ACTIVE_COMPARATOR"),
                    arm("A2", "ACTIVE_COMPARATOR"))
                .noComparisonReason())
        .contains("2 arms are active comparators");
    assertThat(of(null, arm("PRO", "EXPERIMENTAL"), arm("OTH", "OTHER")).noComparisonReason())
        .contains("no arm is a placebo");
    assertThat(of(null, arm("PLA", "PLACEBO_COMPARATOR")).noComparisonReason())
        .contains("no arm besides its comparator");
  }
}
