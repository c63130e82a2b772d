package org.psybiome.trial.model;

/** Why a person assessed for eligibility was not enrolled, as CONSORT 2010 groups exclusions. */
public enum ScreeningOutcome {
  NOT_MEETING_INCLUSION_CRITERIA,
  DECLINED_TO_PARTICIPATE,
  OTHER
}
