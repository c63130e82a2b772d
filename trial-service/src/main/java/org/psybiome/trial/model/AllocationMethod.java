package org.psybiome.trial.model;

/**
 * How participants are allocated to arms (TRDS item 15, study design); NA for single-group studies.
 */
public enum AllocationMethod {
  RANDOMIZED,
  NON_RANDOMIZED,
  NA
}
