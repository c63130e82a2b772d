package org.psybiome.trial.model;

/** How an observational study samples its population. */
public enum SamplingMethod {
  PROBABILITY_SAMPLE,
  NON_PROBABILITY_SAMPLE
}
