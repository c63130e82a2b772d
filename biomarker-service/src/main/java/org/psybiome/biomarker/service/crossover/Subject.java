package org.psybiome.biomarker.service.crossover;

import java.util.List;

/**
 * A participant with a usable value in every analysed period of their sequence, periods in order.
 * {@code analysed} is the value the statistics use: the natural log on the log scale, else the
 * value itself.
 */
record Subject(String participant, String sequence, List<Slot> periods) {

  record Slot(String period, String visit, String arm, double value, double analysed) {}

  Subject {
    periods = List.copyOf(periods);
  }

  /** The analysed values of the periods under {@code arm}, in period order. */
  double[] under(String arm) {
    return periods.stream().filter(s -> s.arm().equals(arm)).mapToDouble(Slot::analysed).toArray();
  }

  boolean receives(String arm) {
    return periods.stream().anyMatch(s -> s.arm().equals(arm));
  }
}
