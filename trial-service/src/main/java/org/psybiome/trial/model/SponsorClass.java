package org.psybiome.trial.model;

/**
 * The kind of organisation a sponsor or collaborator is, as ClinicalTrials.gov classes agencies.
 */
public enum SponsorClass {
  NIH,
  FED,
  OTHER_GOV,
  INDIV,
  INDUSTRY,
  NETWORK,
  AMBIG,
  OTHER,
  UNKNOWN
}
