package org.psybiome.trial.model;

/** Documents shared with individual participant data (TRDS item 24, CT.gov's IPD info types). */
public enum IpdInfoType {
  STUDY_PROTOCOL,
  SAP,
  ICF,
  CSR,
  ANALYTIC_CODE
}
