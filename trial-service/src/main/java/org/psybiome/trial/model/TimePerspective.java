package org.psybiome.trial.model;

/** When an observational study's observations are made relative to its start. */
public enum TimePerspective {
  PROSPECTIVE,
  RETROSPECTIVE,
  CROSS_SECTIONAL,
  OTHER
}
