package org.psybiome.trial.model;

/**
 * The classification a health condition is coded in (TRDS item 12): ICD-10 (F32.1) or ICD-11
 * (6A70).
 */
public enum ConditionCodeSystem {
  ICD10,
  ICD11
}
