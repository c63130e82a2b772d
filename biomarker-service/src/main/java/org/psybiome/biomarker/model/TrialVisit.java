package org.psybiome.biomarker.model;

import java.util.List;

/**
 * A visit of a trial's schedule, with the panels and scales pre-registered for it, and in a
 * crossover or N-of-1 trial the period it belongs to (null outside every period). {@code
 * windowDays}: a visit held up to this many days before or after {@code dayOffset} (counted from
 * the participant's enrolment) is on schedule; null when the trial declares no window, as in every
 * snapshot stored before trial-service's API 1.1 (the stored JSON simply lacks the field).
 */
public record TrialVisit(
    String code,
    int dayOffset,
    boolean baseline,
    List<String> panels,
    List<String> scales,
    String period,
    Integer windowDays) {

  public TrialVisit(
      String code, int dayOffset, boolean baseline, List<String> panels, List<String> scales) {
    this(code, dayOffset, baseline, panels, scales, null, null);
  }

  public TrialVisit(
      String code,
      int dayOffset,
      boolean baseline,
      List<String> panels,
      List<String> scales,
      String period) {
    this(code, dayOffset, baseline, panels, scales, period, null);
  }

  public TrialVisit {
    panels = panels == null ? List.of() : List.copyOf(panels);
    scales = scales == null ? List.of() : List.copyOf(scales);
  }
}
