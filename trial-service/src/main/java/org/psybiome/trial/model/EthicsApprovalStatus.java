package org.psybiome.trial.model;

/**
 * Where the trial stands with one ethics committee (TRDS item 21: approved, not approved, not yet
 * submitted; PENDING: submitted and awaiting a decision; NOT_REQUIRED: exempt from review).
 */
public enum EthicsApprovalStatus {
  APPROVED,
  PENDING,
  NOT_REQUIRED,
  NOT_APPROVED,
  NOT_YET_SUBMITTED
}
