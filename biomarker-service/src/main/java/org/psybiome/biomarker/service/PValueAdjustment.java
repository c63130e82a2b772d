package org.psybiome.biomarker.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multiplicity adjustments of p values, as statsmodels' multipletests computes them. Undefined
 * (null) p values stay null and do not count in the family size m.
 */
final class PValueAdjustment {

  private PValueAdjustment() {}

  /**
   * Holm's step-down adjustment (method='holm'), controlling the family-wise error rate: with the m
   * defined p values sorted ascending, p_(i) becomes max over j ≤ i of min(1, (m − j + 1)·p_(j)).
   */
  static List<Double> holm(List<Double> p) {
    List<Integer> order = ascendingDefined(p);
    List<Double> adjusted = nulls(p.size());
    int m = order.size();
    double running = 0;
    for (int j = 0; j < m; j++) {
      int index = order.get(j);
      running = Math.max(running, Math.min(1, (m - j) * p.get(index)));
      adjusted.set(index, running);
    }
    return adjusted;
  }

  /**
   * Benjamini–Hochberg's step-up adjustment (method='fdr_bh'), controlling the false discovery
   * rate: with the m defined p values sorted ascending, p_(i) becomes min over j ≥ i of min(1,
   * m·p_(j)/j).
   */
  static List<Double> benjaminiHochberg(List<Double> p) {
    List<Integer> order = ascendingDefined(p);
    List<Double> adjusted = nulls(p.size());
    int m = order.size();
    double running = 1;
    for (int j = m - 1; j >= 0; j--) {
      int index = order.get(j);
      running = Math.min(running, Math.min(1, m * p.get(index) / (j + 1)));
      adjusted.set(index, running);
    }
    return adjusted;
  }

  /** The indexes of the defined p values, smallest p first. */
  private static List<Integer> ascendingDefined(List<Double> p) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) != null) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(p::get));
    return order;
  }

  private static List<Double> nulls(int size) {
    List<Double> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      list.add(null);
    }
    return list;
  }
}
