package org.psybiome.trial.service.randomisation;

/**
 * How minimisation measures the imbalance among the arms' (weight-adjusted) counts at one factor
 * level; Pocock and Simon (1975) propose both. RANGE is the default.
 */
public enum ImbalanceMeasure {
  /** The largest adjusted count minus the smallest. */
  RANGE,
  /** The population variance of the adjusted counts. */
  VARIANCE
}
