package org.psybiome.trial.service;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.PlannedSubgroup;

/**
 * The analysis plan's references into the rest of the record: the end-of-treatment visit is one of
 * the schedule's, each subgroup is defined one way (cutoffs or quantiles), its cutoffs ascend, and
 * a mirrored stratification factor is one of the randomisation's.
 */
final class AnalysisPlanRules {

  private AnalysisPlanRules() {}

  static void check(TrialContent c, List<Violation> violations) {
    var plan = c.analysisPlan();
    if (plan == null) {
      return;
    }
    Set<String> visits = new HashSet<>();
    if (c.schedule() != null) {
      c.schedule().visits().stream()
          .filter(v -> v != null && v.code() != null)
          .forEach(v -> visits.add(v.code()));
    }
    if (plan.endOfTreatmentVisit() != null && !visits.contains(plan.endOfTreatmentVisit())) {
      violations.add(
          Violation.of("analysisPlan.endOfTreatmentVisit", "names no visit of the schedule"));
    }
    Set<String> factors = new HashSet<>();
    var randomisation = c.design() == null ? null : c.design().randomisation();
    if (randomisation != null) {
      randomisation.factors().stream()
          .filter(f -> f != null && f.code() != null)
          .forEach(f -> factors.add(f.code()));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < plan.subgroups().size(); i++) {
      PlannedSubgroup s = plan.subgroups().get(i);
      String at = "analysisPlan.subgroups[" + i + "]";
      if (s == null) {
        continue;
      }
      if (s.code() != null && !codes.add(s.code())) {
        violations.add(Violation.of(at + ".code", "is used by another subgroup"));
      }
      boolean cut = !s.cutoffs().isEmpty();
      if (cut == (s.quantiles() != null)) {
        violations.add(Violation.of(at, "must give cutoffs or quantiles: exactly one of them"));
      }
      if (!ascending(s.cutoffs())) {
        violations.add(Violation.of(at + ".cutoffs", "must be in strictly ascending order"));
      }
      if (s.stratificationFactor() != null && !factors.contains(s.stratificationFactor())) {
        violations.add(
            Violation.of(at + ".stratificationFactor", "names no factor of design.randomisation"));
      }
    }
  }

  private static boolean ascending(List<BigDecimal> cutoffs) {
    for (int i = 1; i < cutoffs.size(); i++) {
      if (cutoffs.get(i - 1) == null
          || cutoffs.get(i) == null
          || cutoffs.get(i - 1).compareTo(cutoffs.get(i)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
