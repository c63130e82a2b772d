package org.psybiome.biomarker.model;

import java.util.List;

/** A visit of a trial's schedule, with the panels and scales pre-registered for it. */
public record TrialVisit(
    String code, int dayOffset, boolean baseline, List<String> panels, List<String> scales) {

  public TrialVisit {
    panels = panels == null ? List.of() : List.copyOf(panels);
    scales = scales == null ? List.of() : List.copyOf(scales);
  }
}
