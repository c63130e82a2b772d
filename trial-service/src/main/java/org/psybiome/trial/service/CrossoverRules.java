package org.psybiome.trial.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.InterventionModel;
import org.psybiome.trial.model.TrialContent;

/**
 * The rules that tie arms, the comparator, crossover periods and sequences and the schedule's
 * visits together. They run on a record whose arms all have codes ({@link ArmCodes}).
 */
final class CrossoverRules {

  private CrossoverRules() {}

  static void check(TrialContent c, List<Violation> violations) {
    Set<String> arms = new HashSet<>();
    c.arms().stream().filter(a -> a != null && a.code() != null).forEach(a -> arms.add(a.code()));
    var design = c.design();
    if (design == null) {
      periodsOfVisits(c, Set.of(), violations);
      return;
    }
    if (design.comparatorArm() != null && !arms.contains(design.comparatorArm())) {
      violations.add(Violation.of("design.comparatorArm", "names no arm of this trial"));
    }
    Set<String> periods = new HashSet<>();
    var crossover = design.crossover();
    boolean sequential =
        design.interventionModel() == InterventionModel.CROSSOVER
            || design.interventionModel() == InterventionModel.N_OF_1;
    if (crossover != null && !sequential) {
      violations.add(
          Violation.of(
              "design.crossover",
              "is for CROSSOVER and N_OF_1 designs, not " + design.interventionModel()));
    }
    if (crossover == null && sequential && design.randomisation() != null) {
      violations.add(
          Violation.of(
              "design.crossover",
              "a randomised "
                  + design.interventionModel()
                  + " trial allocates treatment sequences: declare its periods and sequences"));
    }
    if (crossover != null && crossover.periods() != null && crossover.sequences() != null) {
      periodsAndSequences(crossover, arms, periods, violations);
      if (design.randomisation() != null && crossover.sequences().size() < 2) {
        violations.add(
            Violation.of(
                "design.crossover.sequences", "randomisation needs two sequences or more"));
      }
    }
    periodsOfVisits(c, periods, violations);
  }

  private static void periodsAndSequences(
      TrialContent.Crossover crossover,
      Set<String> arms,
      Set<String> periods,
      List<Violation> violations) {
    String at = "design.crossover";
    for (int i = 0; i < crossover.periods().size(); i++) {
      var period = crossover.periods().get(i);
      if (period != null && period.code() != null && !periods.add(period.code())) {
        violations.add(Violation.of(at + ".periods[" + i + "].code", "is used twice"));
      }
    }
    Set<String> codes = new HashSet<>();
    Set<List<String>> orders = new HashSet<>();
    for (int i = 0; i < crossover.sequences().size(); i++) {
      var sequence = crossover.sequences().get(i);
      if (sequence == null || sequence.arms() == null) {
        continue;
      }
      String field = at + ".sequences[" + i + "]";
      if (sequence.code() != null && !codes.add(sequence.code())) {
        violations.add(Violation.of(field + ".code", "is used twice"));
      }
      if (sequence.arms().size() != crossover.periods().size()) {
        violations.add(
            Violation.of(
                field + ".arms",
                "gives "
                    + sequence.arms().size()
                    + " arms for "
                    + crossover.periods().size()
                    + " periods: one arm per period"));
      }
      if (!orders.add(sequence.arms())) {
        violations.add(Violation.of(field + ".arms", "repeats another sequence's order"));
      }
      for (int j = 0; j < sequence.arms().size(); j++) {
        if (!arms.contains(sequence.arms().get(j))) {
          violations.add(Violation.of(field + ".arms[" + j + "]", "names no arm of this trial"));
        }
      }
    }
  }

  private static void periodsOfVisits(
      TrialContent c, Set<String> periods, List<Violation> violations) {
    if (c.schedule() == null) {
      return;
    }
    var visits = c.schedule().visits();
    for (int i = 0; i < visits.size(); i++) {
      var visit = visits.get(i);
      if (visit != null && visit.period() != null && !periods.contains(visit.period())) {
        violations.add(
            Violation.of(
                "schedule.visits[" + i + "].period", "names no period of design.crossover"));
      }
    }
  }
}
