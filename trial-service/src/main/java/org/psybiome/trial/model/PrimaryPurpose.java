package org.psybiome.trial.model;

/**
 * What the trial is mainly for (TRDS item 15, study design); ECT is ClinicalTrials.gov's
 * educational/counselling/training.
 */
public enum PrimaryPurpose {
  TREATMENT,
  PREVENTION,
  SUPPORTIVE_CARE,
  BASIC_SCIENCE,
  DIAGNOSTIC,
  HEALTH_SERVICES_RESEARCH,
  SCREENING,
  DEVICE_FEASIBILITY,
  ECT,
  OTHER
}
