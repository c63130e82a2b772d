package org.psybiome.biomarker.service.crossover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psybiome.biomarker.model.CrossoverComparison;
import org.psybiome.biomarker.model.CrossoverComparison.SequenceGroup;
import org.psybiome.biomarker.model.CrossoverEstimate;
import org.psybiome.biomarker.model.CrossoverParticipant.ParticipantDifference;
import org.psybiome.biomarker.service.Descriptives;

/**
 * One arm compared with the comparator within the participants whose sequence gives both: each
 * participant's treatment − comparator difference, and the analysis across them. Pure: the subjects
 * come in with their values, already on the analysis scale.
 */
final class WithinParticipantComparison {

  static final String AB_BA = "AB_BA";
  static final String PAIRED = "PAIRED_MEAN_DIFFERENCES";

  /** The comparison, and each participant's difference by participant code. */
  record Result(CrossoverComparison comparison, Map<String, ParticipantDifference> differences) {}

  private WithinParticipantComparison() {}

  /**
   * @param periodCount the trial's analysed periods (those with a visit)
   * @param nOf1 an N-of-1 trial: differences by cycle, with each participant's own estimate
   */
  static Result compare(
      List<Subject> subjects,
      String treatment,
      String comparator,
      int periodCount,
      boolean nOf1,
      boolean logScale) {
    List<Subject> both =
        subjects.stream().filter(s -> s.receives(treatment) && s.receives(comparator)).toList();
    Map<String, ParticipantDifference> differences = new LinkedHashMap<>();
    double[] d = new double[both.size()];
    for (int i = 0; i < both.size(); i++) {
      ParticipantDifference difference = difference(both.get(i), treatment, comparator, nOf1);
      if (logScale) {
        difference =
            new ParticipantDifference(
                difference.treatment(),
                difference.comparator(),
                difference.difference(),
                Math.exp(difference.difference()),
                difference.cycleDifferences(),
                difference.estimate() == null ? null : difference.estimate().withRatios());
      }
      differences.put(both.get(i).participant(), difference);
      d[i] = difference.difference();
    }
    CrossoverEstimate paired = ratios(CrossoverStatistics.paired(d), logScale);

    String notTwoByTwo = notTwoByTwo(both, treatment, comparator, periodCount);
    if (notTwoByTwo != null) {
      return new Result(
          new CrossoverComparison(
              treatment,
              comparator,
              PAIRED,
              "paired t test of each participant's mean under "
                  + treatment
                  + " minus mean under "
                  + comparator
                  + (nOf1 ? " (the mean of their cycles' differences)" : "")
                  + (logScale ? ", on natural logs" : ""),
              both.size(),
              null,
              null,
              null,
              paired,
              notTwoByTwo),
          differences);
    }
    // 2×2: period differences by the order the participant received the treatments
    List<Double> first = new ArrayList<>();
    List<Double> second = new ArrayList<>();
    Set<String> firstCodes = new LinkedHashSet<>();
    Set<String> secondCodes = new LinkedHashSet<>();
    for (Subject s : both) {
      double periodDifference = s.periods().get(0).analysed() - s.periods().get(1).analysed();
      if (s.periods().get(0).arm().equals(treatment)) {
        first.add(periodDifference);
        firstCodes.add(s.sequence());
      } else {
        second.add(periodDifference);
        secondCodes.add(s.sequence());
      }
    }
    double[] a = first.stream().mapToDouble(Double::doubleValue).toArray();
    double[] b = second.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        new CrossoverComparison(
            treatment,
            comparator,
            AB_BA,
            "2×2 crossover (Jones & Kenward; Senn): period differences d = period 1 − period 2;"
                + " treatment effect (mean d of "
                + treatment
                + " first − mean d of "
                + comparator
                + " first)/2 and period effect (sum)/2, two-sample t test with pooled variance"
                + (logScale ? "; on natural logs" : ""),
            both.size(),
            List.of(
                group(String.join(",", firstCodes), "TREATMENT_FIRST", a),
                group(String.join(",", secondCodes), "COMPARATOR_FIRST", b)),
            ratios(CrossoverStatistics.treatmentEffect(a, b), logScale),
            ratios(CrossoverStatistics.periodEffect(a, b), logScale),
            paired,
            null),
        differences);
  }

  /**
   * Treatment − comparator within the participant. Crossover: mean under the treatment − mean under
   * the comparator. N-of-1: the participant's periods fall in cycles of as many consecutive periods
   * as their sequence has distinct arms (AB|BA|AB: cycles of two); each cycle with the treatment
   * and the comparator once each gives a difference, and the difference is their mean (without such
   * a cycle, the difference of the means, with no estimate of its own).
   */
  static ParticipantDifference difference(
      Subject s, String treatment, String comparator, boolean nOf1) {
    double meansDifference =
        Descriptives.mean(s.under(treatment)) - Descriptives.mean(s.under(comparator));
    if (!nOf1) {
      return new ParticipantDifference(treatment, comparator, meansDifference, null, null, null);
    }
    List<Double> cycles = cycleDifferences(s, treatment, comparator);
    double[] c = cycles.stream().mapToDouble(Double::doubleValue).toArray();
    CrossoverEstimate own = CrossoverStatistics.ownEstimate(c);
    return new ParticipantDifference(
        treatment,
        comparator,
        c.length == 0 ? meansDifference : own.estimate(),
        null,
        List.copyOf(cycles),
        own);
  }

  static List<Double> cycleDifferences(Subject s, String treatment, String comparator) {
    int length = (int) s.periods().stream().map(Subject.Slot::arm).distinct().count();
    List<Double> cycles = new ArrayList<>();
    for (int start = 0; start + length <= s.periods().size(); start += length) {
      List<Subject.Slot> cycle = s.periods().subList(start, start + length);
      List<Subject.Slot> t = cycle.stream().filter(x -> x.arm().equals(treatment)).toList();
      List<Subject.Slot> c = cycle.stream().filter(x -> x.arm().equals(comparator)).toList();
      if (t.size() == 1 && c.size() == 1) {
        cycles.add(t.get(0).analysed() - c.get(0).analysed());
      }
    }
    return cycles;
  }

  /** Why the AB/BA analysis does not apply, or null when it does. */
  private static String notTwoByTwo(
      List<Subject> both, String treatment, String comparator, int periodCount) {
    if (periodCount != 2) {
      return "the trial has " + periodCount + " periods with a visit, not 2";
    }
    boolean treatmentFirst = false;
    boolean comparatorFirst = false;
    for (Subject s : both) {
      if (s.periods().size() != 2) {
        return "participant " + s.participant() + " has not exactly the 2 periods";
      }
      String one = s.periods().get(0).arm();
      String two = s.periods().get(1).arm();
      if (one.equals(treatment) && two.equals(comparator)) {
        treatmentFirst = true;
      } else if (one.equals(comparator) && two.equals(treatment)) {
        comparatorFirst = true;
      } else {
        return "sequence " + s.sequence() + " is not " + treatment + "/" + comparator;
      }
    }
    if (!treatmentFirst || !comparatorFirst) {
      return "the participants analysed received "
          + treatment
          + " and "
          + comparator
          + " in one order only: period and treatment effects cannot be separated";
    }
    return null;
  }

  private static SequenceGroup group(String codes, String order, double[] d) {
    if (d.length == 0) {
      return new SequenceGroup(codes, order, 0, null, null);
    }
    double mean = Descriptives.mean(d);
    return new SequenceGroup(
        codes,
        order,
        d.length,
        mean,
        d.length < 2 ? null : Math.sqrt(Descriptives.variance(d, mean)));
  }

  private static CrossoverEstimate ratios(CrossoverEstimate estimate, boolean logScale) {
    return logScale ? estimate.withRatios() : estimate;
  }
}
