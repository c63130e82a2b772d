package org.psybiome.biomarker.model;

import java.util.List;

/**
 * A visit of a trial's schedule, with the panels and scales pre-registered for it, and in a
 * crossover or N-of-1 trial the period it belongs to (null outside every period).
 */
public record TrialVisit(
    String code,
    int dayOffset,
    boolean baseline,
    List<String> panels,
    List<String> scales,
    String period) {

  public TrialVisit(
      String code, int dayOffset, boolean baseline, List<String> panels, List<String> scales) {
    this(code, dayOffset, baseline, panels, scales, null);
  }

  public TrialVisit {
    panels = panels == null ? List.of() : List.copyOf(panels);
    scales = scales == null ? List.of() : List.copyOf(scales);
  }
}
