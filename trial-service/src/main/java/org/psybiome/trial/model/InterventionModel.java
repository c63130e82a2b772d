package org.psybiome.trial.model;

/** How the arms relate to each other over the trial (TRDS item 15, study design). */
public enum InterventionModel {
  PARALLEL,
  CROSSOVER,
  FACTORIAL,
  SINGLE_GROUP,
  SEQUENTIAL,
  N_OF_1
}
