package org.psybiome.trial.model;

/**
 * Whether the trial was registered before its first participant was enrolled (ICMJE's test of
 * prospective registration). UNDETERMINED when the dates known cannot tell, e.g. a start known to
 * the month registered within that month, or no enrolment yet of a trial without a start date.
 */
public enum RegistrationTiming {
  PROSPECTIVE,
  RETROSPECTIVE,
  UNDETERMINED
}
