package org.psybiome.trial.model;

/** Where the trial stands with its ethics committee (TRDS item 21). */
public enum EthicsApprovalStatus {
  APPROVED,
  PENDING,
  NOT_REQUIRED
}
