package org.psybiome.trial.model;

/** Which sexes may take part (TRDS item 14, key inclusion criteria). */
public enum EligibleSex {
  ALL,
  FEMALE,
  MALE
}
