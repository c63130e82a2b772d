package org.psybiome.trial.model;

/** Whether a date has happened or is planned (CT.gov calls a planned date ESTIMATED). */
public enum DateType {
  ACTUAL,
  ANTICIPATED
}
