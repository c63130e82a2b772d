package org.psybiome.trial.model;

/**
 * Recruitment status (TRDS item 18), plus DRAFT for a record not yet registered. UNKNOWN is never
 * set: it is shown, as ClinicalTrials.gov derives it, for a trial whose active status has gone
 * stale (see StaleStatus).
 */
public enum TrialStatus {
  DRAFT,
  NOT_YET_RECRUITING,
  RECRUITING,
  ENROLLING_BY_INVITATION,
  ACTIVE_NOT_RECRUITING,
  SUSPENDED,
  COMPLETED,
  TERMINATED,
  WITHDRAWN,
  UNKNOWN;

  public boolean isTerminal() {
    return this == COMPLETED || this == TERMINATED || this == WITHDRAWN;
  }

  public boolean isRegistered() {
    return this != DRAFT;
  }

  /** Participants may be enrolled only while the trial recruits. */
  public boolean isEnrolling() {
    return this == RECRUITING || this == ENROLLING_BY_INVITATION;
  }

  /** These need a "why stopped" reason. */
  public boolean isStop() {
    return this == SUSPENDED || this == TERMINATED || this == WITHDRAWN;
  }
}
