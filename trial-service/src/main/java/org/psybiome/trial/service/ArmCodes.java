package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.Arm;

/**
 * Gives every arm its stable code. An arm written without one keeps the code its label had in the
 * record before (so a 1.0 client, which sends no codes, keeps them); a new arm gets one made from
 * its label ({@link #fromLabel}), made unique with a numeric suffix. Participants and results refer
 * to the code, so renaming an arm detaches nothing.
 */
final class ArmCodes {

  private static final int LENGTH = 16;

  private ArmCodes() {}

  /** A stored record with a code on every arm: those stored before codes existed get theirs. */
  static TrialContent coded(TrialContent stored, ObjectMapper json) {
    return assign(null, stored, json);
  }

  /** Each arm's label by its code. */
  static Map<String, String> labels(TrialContent coded) {
    Map<String, String> labels = new HashMap<>();
    coded.arms().forEach(arm -> labels.put(arm.code(), arm.label()));
    return labels;
  }

  /** {@code next} with a code on every arm; {@code previous} is the record before, or null. */
  static TrialContent assign(TrialContent previous, TrialContent next, ObjectMapper json) {
    if (next.arms().stream().allMatch(arm -> arm == null || arm.code() != null)) {
      return next;
    }
    Map<String, String> byLabel = new HashMap<>();
    if (previous != null) {
      for (Arm arm : previous.arms()) {
        if (arm != null && arm.code() != null) {
          byLabel.put(arm.label(), arm.code());
        }
      }
    }
    Set<String> taken = new HashSet<>();
    next.arms().stream()
        .filter(arm -> arm != null && arm.code() != null)
        .forEach(arm -> taken.add(arm.code()));
    ObjectNode tree = json.valueToTree(next);
    ArrayNode arms = (ArrayNode) tree.get("arms");
    List<Arm> list = next.arms();
    for (int i = 0; i < list.size(); i++) {
      Arm arm = list.get(i);
      if (arm == null || arm.code() != null) {
        continue;
      }
      String kept = byLabel.get(arm.label());
      String code =
          kept != null && !taken.contains(kept) ? kept : unique(fromLabel(arm.label()), taken);
      taken.add(code);
      ((ObjectNode) arms.get(i)).put("code", code);
    }
    return json.convertValue(tree, TrialContent.class);
  }

  /**
   * "Mediterranean diet" → MEDITERRANEAN_DI: every run of characters other than ASCII letters and
   * digits one underscore, upper case, at most 16 characters, ARM when nothing is left. The V6
   * migration makes the same codes in SQL for participants enrolled before codes existed.
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
