package org.psybiome.trial.model;

/**
 * A registry in which the trial is also registered (TRDS item 3, secondary identifying numbers);
 * OTHER for any registry without a checked id format.
 */
public enum SecondaryRegistry {
  NCT,
  ISRCTN,
  ACTRN,
  EUDRACT,
  CTIS,
  IRCT,
  CHICTR,
  DRKS,
  OTHER
}
