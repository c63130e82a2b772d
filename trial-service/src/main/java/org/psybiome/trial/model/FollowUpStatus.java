package org.psybiome.trial.model;

/**
 * Where a randomised participant stands in follow-up, as the CONSORT flow counts it. COMPLETED,
 * LOST_TO_FOLLOW_UP and WITHDREW_CONSENT end follow-up.
 */
public enum FollowUpStatus {
  RECEIVED_ALLOCATED_INTERVENTION,
  DID_NOT_RECEIVE_ALLOCATED_INTERVENTION,
  DISCONTINUED_INTERVENTION,
  LOST_TO_FOLLOW_UP,
  WITHDREW_CONSENT,
  COMPLETED;

  public boolean endsFollowUp() {
    return this == COMPLETED || this == LOST_TO_FOLLOW_UP || this == WITHDREW_CONSENT;
  }

  /** These are counted with their reasons in the CONSORT flow. */
  public boolean needsReason() {
    return this == DID_NOT_RECEIVE_ALLOCATED_INTERVENTION
        || this == DISCONTINUED_INTERVENTION
        || this == WITHDREW_CONSENT;
  }
}
