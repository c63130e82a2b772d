package org.psybiome.trial.model;

/**
 * What a regulator would call an intervention (ClinicalTrials.gov's intervention types), beside
 * Psybiome's psychobiotic typing: a probiotic is usually a DIETARY_SUPPLEMENT, FMT a BIOLOGICAL.
 */
public enum RegulatoryType {
  DRUG,
  DEVICE,
  BIOLOGICAL,
  PROCEDURE,
  RADIATION,
  BEHAVIORAL,
  GENETIC,
  DIETARY_SUPPLEMENT,
  COMBINATION_PRODUCT,
  DIAGNOSTIC_TEST,
  OTHER
}
