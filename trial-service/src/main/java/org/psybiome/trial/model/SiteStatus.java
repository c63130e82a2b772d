package org.psybiome.trial.model;

/** The recruitment status of one site (ClinicalTrials.gov's values for a location). */
public enum SiteStatus {
  NOT_YET_RECRUITING,
  RECRUITING,
  ENROLLING_BY_INVITATION,
  ACTIVE_NOT_RECRUITING,
  SUSPENDED,
  TERMINATED,
  COMPLETED,
  WITHDRAWN,
  AVAILABLE,
  NO_LONGER_AVAILABLE,
  TEMPORARILY_NOT_AVAILABLE,
  APPROVED_FOR_MARKETING,
  WITHHELD,
  UNKNOWN
}
