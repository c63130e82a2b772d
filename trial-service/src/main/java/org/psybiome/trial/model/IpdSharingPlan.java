package org.psybiome.trial.model;

/** Whether individual participant data will be shared (TRDS item 24). */
public enum IpdSharingPlan {
  YES,
  NO,
  UNDECIDED
}
