package org.psybiome.biomarker.service.subgroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.psybiome.biomarker.service.Descriptives;

/**
 * The cut values that split a baseline value into subgroups, ascending: below the first is group 0,
 * at or above cut i (and below cut i + 1) is group i + 1, so a value equal to a cut is in the upper
 * group.
 */
record SubgroupCuts(List<Double> cuts) {

  SubgroupCuts {
    cuts = List.copyOf(cuts);
  }

  int groups() {
    return cuts.size() + 1;
  }

  /**
   * The {@code k}-quantile cuts of {@code values}: the type-7 quantiles at 1/k, …, (k−1)/k, as
   * Descriptives computes quartiles (h = (n−1)p, interpolated between the order statistics around
   * it).
   */
  static SubgroupCuts quantiles(double[] values, int k) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Double> cuts = new ArrayList<>();
    for (int j = 1; j < k; j++) {
      cuts.add(Descriptives.quantile(sorted, (double) j / k));
    }
    return new SubgroupCuts(cuts);
  }

  /** The group of a measured value. */
  int group(double value) {
    int group = 0;
    for (double cut : cuts) {
      if (value >= cut) {
        group++;
      }
    }
    return group;
  }

  /**
   * The group of a value known only to lie below {@code limit} (censored {@code <}): the lowest
   * when the limit is at or below the first cut (every value below it is below the cut), else none
   * (-1): it could lie on either side.
   */
  int groupBelow(double limit) {
    return limit <= cuts.get(0) ? 0 : -1;
  }

  /**
   * The group of a value known only to lie above {@code limit} (censored {@code >}): the highest
   * when the limit is at or above the last cut, else none (-1).
   */
  int groupAbove(double limit) {
    return limit >= cuts.get(cuts.size() - 1) ? cuts.size() : -1;
  }

  /** A group's label: "HSCRP < 3", "2.4 ≤ HSCRP < 3.8", "HSCRP ≥ 3.8". */
  String label(String measure, int group) {
    if (group == 0) {
      return measure + " < " + number(cuts.get(0));
    }
    if (group == cuts.size()) {
      return measure + " ≥ " + number(cuts.get(group - 1));
    }
    return number(cuts.get(group - 1)) + " ≤ " + measure + " < " + number(cuts.get(group));
  }

  Double lower(int group) {
    return group == 0 ? null : cuts.get(group - 1);
  }

  Double upper(int group) {
    return group == cuts.size() ? null : cuts.get(group);
  }

  private static String number(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
