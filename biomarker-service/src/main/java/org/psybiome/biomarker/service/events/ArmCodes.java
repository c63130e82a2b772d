package org.psybiome.biomarker.service.events;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.psybiome.biomarker.model.TrialArm;

/**
 * Stable arm codes for events written before trial-service's API 1.1, which name arms by label
 * only. The rule is trial-service's own (its ArmCodes), so a code made here is the code
 * trial-service gives the same arm when it next publishes the record: an arm without a code keeps
 * the code its label had in the snapshot before; otherwise the code is made from its label, unique
 * in the trial with a numeric suffix. V14 backfilled stored rows with the same rule.
 */
final class ArmCodes {

  private static final int LENGTH = 16;

  private ArmCodes() {}

  /** The arms of a record, each with a code; {@code previous} are the snapshot's arms before. */
  static List<TrialArm> assign(List<TrialEventData.Arm> arms, List<TrialArm> previous) {
    Map<String, String> byLabel = new HashMap<>();
    previous.stream()
        .filter(arm -> arm.code() != null)
        .forEach(arm -> byLabel.putIfAbsent(arm.label(), arm.code()));
    Set<String> taken = new HashSet<>();
    arms.stream().filter(arm -> arm.code() != null).forEach(arm -> taken.add(arm.code()));
    return arms.stream()
        .map(
            arm -> {
              if (arm.code() != null) {
                return new TrialArm(arm.label(), arm.type(), arm.code(), arm.interventionCodes());
              }
              String kept = byLabel.get(arm.label());
              String code =
                  kept != null && !taken.contains(kept)
                      ? kept
                      : unique(fromLabel(arm.label()), taken);
              taken.add(code);
              return new TrialArm(arm.label(), arm.type(), code, arm.interventionCodes());
            })
        .toList();
  }

  /**
   * The code of an enrolment's arm: the event's {@code armCode}; without it, the code of the
   * trial's arm of that label; without such an arm, the code made from the label. The trial's arms
   * are asked for only when the event has no code (events before API 1.1): loading the snapshot for
   * every enrolment was a quarter of this service's CPU while enrolments flowed.
   */
  static String ofEnrolment(String armCode, String label, Supplier<Optional<List<TrialArm>>> arms) {
    if (armCode != null) {
      return armCode;
    }
    return arms.get().orElse(List.of()).stream()
        .filter(arm -> arm.label().equals(label) && arm.code() != null)
        .map(TrialArm::code)
        .findFirst()
        .orElseGet(() -> fromLabel(label));
  }

  /**
   * "Mediterranean diet" → MEDITERRANEAN_DI: every run of characters other than ASCII letters and
   * digits one underscore, upper case, at most 16 characters, ARM when nothing is left.
   */
  static String fromLabel(String label) {
    String code =
        (label == null ? "" : label)
            .replaceAll("[^A-Za-z0-9]+", "_")
            .toUpperCase(Locale.ROOT)
            .replaceAll("^_+|_+$", "");
    if (code.length() > LENGTH) {
      code = code.substring(0, LENGTH).replaceAll("_+$", "");
    }
    return code.isEmpty() ? "ARM" : code;
  }

  private static String unique(String code, Set<String> taken) {
    if (!taken.contains(code)) {
      return code;
    }
    for (int n = 2; ; n++) {
      String suffix = "_" + n;
      String candidate =
          (code.length() + suffix.length() > LENGTH
                  ? code.substring(0, LENGTH - suffix.length())
                  : code)
              + suffix;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
