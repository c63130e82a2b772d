package org.psybiome.biomarker.model;

/**
 * A filter of a trial's results: null fields match everything. {@code withheld}: analytes left out
 * whatever the other fields say (null: none).
 */
public record ResultFilter(
    String trialId, String participant, String visit, String analyte, WithheldAnalytes withheld) {

  public ResultFilter(String trialId, String participant, String visit, String analyte) {
    this(trialId, participant, visit, analyte, null);
  }

  /** This filter, leaving {@code analytes} out. */
  public ResultFilter withholding(WithheldAnalytes analytes) {
    return new ResultFilter(trialId, participant, visit, analyte, analytes);
  }
}
