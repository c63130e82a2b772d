package org.psybiome.biomarker.model;

import java.util.List;

/**
 * An arm of a trial. {@code code} is its stable code (trial-service API 1.1), the key participants
 * and results are matched by; the label may change. The type (EXPERIMENTAL, PLACEBO_COMPARATOR,
 * ...) is kept as trial-service sends it, so a type it adds later does not stop this service from
 * learning the trial. {@code interventionCodes} are the codes of the trial's interventions the arm
 * receives (empty for arms learnt before they were kept).
 */
public record TrialArm(String label, String type, String code, List<String> interventionCodes) {

  public TrialArm {
    interventionCodes = interventionCodes == null ? List.of() : List.copyOf(interventionCodes);
  }

  public TrialArm(String label, String type, String code) {
    this(label, type, code, List.of());
  }

  public boolean isExperimental() {
    return "EXPERIMENTAL".equals(type);
  }
}
