package org.psybiome.biomarker.model;

import java.util.List;

/**
 * A trial's registered outcomes with a catalogue measure (a scale or analyte code), primary and
 * secondary, in the record's order; outcomes given as free text only are not here.
 */
public record TrialOutcomes(List<String> primary, List<String> secondary) {

  public static final TrialOutcomes NONE = new TrialOutcomes(List.of(), List.of());

  public TrialOutcomes {
    primary = primary == null ? List.of() : List.copyOf(primary);
    secondary = secondary == null ? List.of() : List.copyOf(secondary);
  }

  /** Whether the measure is registered as a primary or secondary outcome. */
  public boolean registers(String measure) {
    return primary.contains(measure) || secondary.contains(measure);
  }
}
