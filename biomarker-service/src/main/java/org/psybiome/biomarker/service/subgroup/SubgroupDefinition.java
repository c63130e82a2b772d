package org.psybiome.biomarker.service.subgroup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.TrialAnalysisPlan;
import org.psybiome.biomarker.model.TrialAnalysisPlan.PlannedSubgroup;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/**
 * What the subgroups are: the plan's pre-registered analysis named by {@code subgroup=}, or the
 * caller's exploratory one ({@code by=} a measure with {@code cutoffs=} or {@code quantiles=}).
 * Exactly one of cutoffs (ascending) and quantiles (2-5) is set.
 */
record SubgroupDefinition(
    String code,
    String label,
    String measure,
    List<BigDecimal> cutoffs,
    Integer quantiles,
    String stratificationFactor,
    boolean preRegistered) {

  static final int MIN_QUANTILES = 2;
  static final int MAX_QUANTILES = 5;

  static SubgroupDefinition of(
      Optional<TrialAnalysisPlan> plan,
      String trialId,
      String subgroup,
      String by,
      String cutoffs,
      String quantiles) {
    if ((subgroup == null) == (by == null)) {
      throw invalid(
          "Name either a pre-registered subgroup (subgroup=) or a baseline measure (by=), not "
              + (subgroup == null ? "neither" : "both"),
          subgroup == null ? "subgroup" : "by",
          "exactly one of subgroup and by is required");
    }
    if (subgroup != null) {
      if (cutoffs != null || quantiles != null) {
        throw invalid(
            "A pre-registered subgroup is split as the trial's plan says: cutoffs and quantiles"
                + " go with by=",
            cutoffs != null ? "cutoffs" : "quantiles",
            "only with by=");
      }
      List<PlannedSubgroup> planned = plan.map(TrialAnalysisPlan::subgroups).orElse(List.of());
      PlannedSubgroup found =
          planned.stream()
              .filter(s -> s.code().equals(subgroup))
              .findFirst()
              .orElseThrow(
                  () ->
                      invalid(
                          "Trial "
                              + trialId
                              + "'s analysis plan has no subgroup "
                              + subgroup
                              + (planned.isEmpty()
                                  ? " (it pre-registers none)"
                                  : "; it has "
                                      + planned.stream().map(PlannedSubgroup::code).toList()),
                          "subgroup",
                          "must be a subgroup code of the trial's analysis plan"));
      return planned(found);
    }
    if ((cutoffs == null) == (quantiles == null)) {
      throw invalid(
          "An exploratory subgroup by "
              + by
              + " needs either cutoffs= or quantiles=, not "
              + (cutoffs == null ? "neither" : "both"),
          cutoffs == null ? "cutoffs" : "quantiles",
          "exactly one of cutoffs and quantiles is required with by=");
    }
    return new SubgroupDefinition(
        null,
        null,
        by,
        cutoffs == null ? null : cutoffs(cutoffs),
        quantiles == null ? null : quantiles(quantiles),
        null,
        false);
  }

  /** A plan that cannot be applied is the record's fault, not the caller's: 422. */
  private static SubgroupDefinition planned(PlannedSubgroup s) {
    boolean hasCutoffs = !s.cutoffs().isEmpty();
    boolean hasQuantiles = s.quantiles() != null;
    String wrong = null;
    if (hasCutoffs == hasQuantiles) {
      wrong =
          "declares "
              + (hasCutoffs ? "both cutoffs and quantiles" : "neither cutoffs nor quantiles");
    } else if (hasQuantiles && (s.quantiles() < MIN_QUANTILES || s.quantiles() > MAX_QUANTILES)) {
      wrong = "declares " + s.quantiles() + " quantiles (2-5 are analysed)";
    } else if (hasCutoffs && !ascending(s.cutoffs())) {
      wrong = "declares cutoffs that are not strictly ascending: " + s.cutoffs();
    }
    if (wrong != null) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "The trial's planned subgroup " + s.code() + " " + wrong + ": it cannot be analysed");
    }
    return new SubgroupDefinition(
        s.code(),
        s.label(),
        s.measure(),
        hasCutoffs ? s.cutoffs() : null,
        s.quantiles(),
        s.stratificationFactor(),
        true);
  }

  private static List<BigDecimal> cutoffs(String text) {
    List<BigDecimal> values = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        values.add(new BigDecimal(part.trim()));
      } catch (NumberFormatException e) {
        throw invalid(
            "cutoffs must be numbers separated by commas, not " + text,
            "cutoffs",
            "must be numbers separated by commas, e.g. 1,3");
      }
    }
    if (!ascending(values)) {
      throw invalid(
          "cutoffs must be strictly ascending: " + text, "cutoffs", "must be strictly ascending");
    }
    return values;
  }

  private static int quantiles(String text) {
    int k;
    try {
      k = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      k = 0;
    }
    if (k < MIN_QUANTILES || k > MAX_QUANTILES) {
      throw invalid(
          "quantiles must be a whole number from 2 to 5, not " + text,
          "quantiles",
          "must be a whole number from 2 to 5");
    }
    return k;
  }

  private static boolean ascending(List<BigDecimal> values) {
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
        return false;
      }
    }
    return true;
  }

  static ProblemException invalid(String detail, String field, String message) {
    return ProblemException.invalid(detail, List.of(Violation.of(field, message)));
  }
}
