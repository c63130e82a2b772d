package org.psybiome.trial.model;

/** What the trial is mainly for (TRDS item 15, study design). */
public enum PrimaryPurpose {
  TREATMENT,
  PREVENTION,
  SUPPORTIVE_CARE,
  BASIC_SCIENCE,
  DIAGNOSTIC,
  HEALTH_SERVICES_RESEARCH,
  OTHER
}
