package org.psybiome.trial.model;

/** Whether an enrolment count is the final number or still a plan. */
public enum EnrolmentType {
  ACTUAL,
  ESTIMATED
}
