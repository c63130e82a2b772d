package org.psybiome.trial.model;

/**
 * What an outcome measures: a rating scale (HAMD17, MADRS) or a biomarker analyte (IL6,
 * CORTISOL_AM).
 */
public enum OutcomeMeasureKind {
  SCALE,
  ANALYTE
}
