package org.psybiome.trial.model;

/** The design of an observational study (ClinicalTrials.gov's observational models). */
public enum ObservationalModel {
  COHORT,
  CASE_CONTROL,
  CASE_ONLY,
  CASE_CROSSOVER,
  ECOLOGIC_OR_COMMUNITY,
  FAMILY_BASED,
  DEFINED_POPULATION,
  NATURAL_HISTORY,
  OTHER
}
