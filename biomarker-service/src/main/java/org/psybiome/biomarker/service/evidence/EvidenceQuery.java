package org.psybiome.biomarker.service.evidence;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * What the caller asks to pool, checked before anything is read: the outcomes (catalogue codes,
 * comma-separated, in order of preference), the timepoint, the experimental arm's intervention type
 * and adjunct status, the effect measure, the specimen and the stool basis. Every bad value is a
 * 400 problem naming the parameter and the values accepted.
 */
public record EvidenceQuery(
    List<String> outcomes,
    String timepoint,
    String interventionType,
    Boolean adjunct,
    String effect,
    String specimen,
    String basis) {

  public static final List<String> BASES = List.of("WET", "DRY");

  public static final String END_OF_TREATMENT = "end-of-treatment";
  public static final List<String> TIMEPOINTS = List.of(END_OF_TREATMENT);
  public static final String MD = "md";
  public static final String SMD = "smd";

  /**
   * The types an experimental arm is pooled by: trial-service's intervention types but the controls
   * (placebo, sham, attention control) and standard care, which the adjunct filter covers.
   */
  public static final List<String> INTERVENTION_TYPES =
      List.of("PROBIOTIC", "PREBIOTIC", "SYNBIOTIC", "POSTBIOTIC", "FMT", "DIET", "OTHER");

  public static EvidenceQuery parse(
      String outcome,
      String timepoint,
      String interventionType,
      String adjunct,
      String effect,
      String specimen,
      String basis) {
    if (outcome == null || outcome.isBlank()) {
      throw invalid("outcome is required", "outcome", "is required, e.g. HAMD17 or HAMD17,MADRS");
    }
    Set<String> outcomes = new LinkedHashSet<>();
    for (String code : outcome.split(",", -1)) {
      String trimmed = code.trim();
      if (trimmed.isEmpty()) {
        throw invalid(
            "outcome has an empty code: " + outcome,
            "outcome",
            "must be catalogue codes separated by commas");
      }
      outcomes.add(trimmed);
    }
    String when = timepoint == null || timepoint.isBlank() ? END_OF_TREATMENT : timepoint;
    if (!TIMEPOINTS.contains(when)) {
      throw invalid(
          "Unknown timepoint " + timepoint + "; accepted: " + TIMEPOINTS,
          "timepoint",
          "must be one of " + TIMEPOINTS);
    }
    String type = null;
    if (interventionType != null && !interventionType.isBlank()) {
      type = interventionType.trim().toUpperCase(Locale.ROOT);
      if (!INTERVENTION_TYPES.contains(type)) {
        throw invalid(
            "Unknown interventionType " + interventionType + "; accepted: " + INTERVENTION_TYPES,
            "interventionType",
            "must be one of " + INTERVENTION_TYPES);
      }
    }
    Boolean isAdjunct = null;
    if (adjunct != null && !adjunct.isBlank()) {
      if (!adjunct.equals("true") && !adjunct.equals("false")) {
        throw invalid(
            "adjunct must be true or false, not " + adjunct, "adjunct", "must be true or false");
      }
      isAdjunct = Boolean.valueOf(adjunct);
    }
    String measure;
    if (effect == null || effect.isBlank()) {
      // one scale: differences in its own units; several: only a standardised difference
      measure = outcomes.size() == 1 ? MD : SMD;
    } else if (MD.equals(effect) || SMD.equals(effect)) {
      measure = effect;
    } else {
      throw invalid("effect must be md or smd, not " + effect, "effect", "must be md or smd");
    }
    if (MD.equals(measure) && outcomes.size() > 1) {
      throw invalid(
          "effect=md needs one outcome: mean differences on "
              + outcomes
              + " are in different units; ask for effect=smd",
          "effect",
          "must be smd with several outcomes");
    }
    String onBasis = null;
    if (basis != null && !basis.isBlank()) {
      onBasis = basis.trim().toUpperCase(Locale.ROOT);
      if (!BASES.contains(onBasis)) {
        throw invalid("basis must be WET or DRY, not " + basis, "basis", "must be WET or DRY");
      }
    }
    return new EvidenceQuery(
        new ArrayList<>(outcomes),
        when,
        type,
        isAdjunct,
        measure,
        specimen == null || specimen.isBlank() ? null : specimen.trim(),
        onBasis);
  }

  static ProblemException invalid(String detail, String field, String message) {
    return ProblemException.invalid(detail, List.of(Violation.of(field, message)));
  }
}
