package org.psybiome.trial.model;

/**
 * The clinical phase of the trial (TRDS item 15); NA for trials outside the drug-development
 * phases, such as diets.
 */
public enum TrialPhase {
  NA,
  EARLY_PHASE_1,
  PHASE_1,
  PHASE_1_2,
  PHASE_2,
  PHASE_2_3,
  PHASE_3,
  PHASE_4
}
