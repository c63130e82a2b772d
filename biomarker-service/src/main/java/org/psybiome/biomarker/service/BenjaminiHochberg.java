package org.psybiome.biomarker.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Benjamini–Hochberg's step-up adjustment of p values, controlling the false discovery rate (as
 * statsmodels' multipletests(method='fdr_bh')): with the m defined p values sorted ascending, p_(i)
 * becomes min over j ≥ i of min(1, m·p_(j)/j). Undefined (null) p values stay null and do not count
 * in m.
 */
final class BenjaminiHochberg {

  private BenjaminiHochberg() {}

  static List<Double> adjust(List<Double> p) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i) != null) {
        order.add(i);
      }
    }
    order.sort(Comparator.comparingDouble(p::get));
    List<Double> adjusted = new ArrayList<>();
    p.forEach(x -> adjusted.add(null));
    int m = order.size();
    double running = 1;
    for (int j = m - 1; j >= 0; j--) {
      int index = order.get(j);
      running = Math.min(running, Math.min(1, m * p.get(index) / (j + 1)));
      adjusted.set(index, running);
    }
    return adjusted;
  }
}
