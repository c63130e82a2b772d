package org.psybiome.biomarker.model;

/**
 * An arm of a trial. The type (EXPERIMENTAL, PLACEBO_COMPARATOR, ...) is kept as trial-service
 * sends it, so a type it adds later does not stop this service from learning the trial.
 */
public record TrialArm(String label, String type) {

  public boolean isExperimental() {
    return "EXPERIMENTAL".equals(type);
  }
}
