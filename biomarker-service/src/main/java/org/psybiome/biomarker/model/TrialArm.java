package org.psybiome.biomarker.model;

/**
 * An arm of a trial. {@code code} is its stable code (trial-service API 1.1), the key participants
 * and results are matched by; the label may change. The type (EXPERIMENTAL, PLACEBO_COMPARATOR,
 * ...) is kept as trial-service sends it, so a type it adds later does not stop this service from
 * learning the trial.
 */
public record TrialArm(String label, String type, String code) {

  public boolean isExperimental() {
    return "EXPERIMENTAL".equals(type);
  }
}
