package org.psybiome.trial.model;

/**
 * Where a secondary id (TRDS item 3) comes from: ClinicalTrials.gov, a WHO primary registry, an EU
 * register, the WHO Universal Trial Number, or OTHER (a sponsor's or funder's own number, named by
 * its issuer; not format-checked).
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
  OTHER,
  // added in 1.1
  UTN,
  CTRI,
  JRCT,
  UMIN,
  KCT,
  PACTR,
  NL,
  REBEC,
  RPCEC,
  SLCTR,
  TCTR,
  LBCTR,
  ITMCTR,
  REPEC
}
