package org.psybiome.trial.model;

/**
 * Why a publication is cited: background to the trial, a report of its results, or derived from its
 * data.
 */
public enum ReferenceType {
  BACKGROUND,
  RESULT,
  DERIVED
}
