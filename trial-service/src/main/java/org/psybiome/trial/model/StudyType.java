package org.psybiome.trial.model;

/** Whether the trial assigns interventions or only observes (TRDS item 15). */
public enum StudyType {
  INTERVENTIONAL,
  OBSERVATIONAL
}
