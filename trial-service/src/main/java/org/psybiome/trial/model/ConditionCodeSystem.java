package org.psybiome.trial.model;

/**
 * The classification a health condition is coded in (TRDS item 12): ICD-10 (F32.1), ICD-11 (6A70),
 * MeSH (a descriptor id, D003866) or SNOMED CT (a concept id, 35489007).
 */
public enum ConditionCodeSystem {
  ICD10,
  ICD11,
  MESH,
  SNOMED_CT
}
