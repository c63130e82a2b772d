package org.psybiome.biomarker.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down adjustment of p values (as statsmodels' multipletests(method='holm')): with the
 * m defined p values sorted ascending, p_(i) becomes max over j ≤ i of min(1, (m − j + 1)·p_(j)).
 * Undefined (null) p values stay null and do not count in m.
 */
final class Holm {

  private Holm() {}

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
    double running = 0;
    for (int j = 0; j < m; j++) {
      int index = order.get(j);
      running = Math.max(running, Math.min(1, (m - j) * p.get(index)));
      adjusted.set(index, running);
    }
    return adjusted;
  }
}
