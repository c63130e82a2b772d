package org.psybiome.trial.model;

/** A role the allocation can be hidden from (TRDS item 15, masking). */
public enum MaskedRole {
  PARTICIPANT,
  CARE_PROVIDER,
  INVESTIGATOR,
  OUTCOMES_ASSESSOR
}
