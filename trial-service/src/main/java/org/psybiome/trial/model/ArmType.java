package org.psybiome.trial.model;

/**
 * The role of an arm in the comparison: what is tested and what it is compared with. COHORT is a
 * group of an observational study, which ClinicalTrials.gov gives no type.
 */
public enum ArmType {
  EXPERIMENTAL,
  ACTIVE_COMPARATOR,
  PLACEBO_COMPARATOR,
  SHAM_COMPARATOR,
  NO_INTERVENTION,
  OTHER,
  COHORT
}
