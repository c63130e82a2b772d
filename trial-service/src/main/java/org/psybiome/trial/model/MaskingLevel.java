package org.psybiome.trial.model;

/**
 * How many roles the allocation is hidden from (TRDS item 15, masking); any level above NONE makes
 * the trial blinded until it is unblinded.
 */
public enum MaskingLevel {
  NONE(0),
  SINGLE(1),
  DOUBLE(2),
  TRIPLE(3),
  QUADRUPLE(4);

  private final int maskedRoles;

  MaskingLevel(int maskedRoles) {
    this.maskedRoles = maskedRoles;
  }

  /** How many roles a masking level hides the allocation from. */
  public int maskedRoles() {
    return maskedRoles;
  }
}
