package org.psybiome.biomarker.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row that passed every check, with its value in the analyte's standard unit and its assay
 * ({@link Assay#NONE} when not reported).
 */
public record CheckedResult(
    String participant,
    String visit,
    String sampleId,
    String specimen,
    Instant collectedAt,
    String analyte,
    BigDecimal originalValue,
    String originalUnit,
    BigDecimal standardValue,
    String standardUnit,
    String comparator,
    String qcStatus,
    boolean registered,
    Assay assay) {

  /** A value beyond a limit of quantification: a bound, not a number to average. */
  public boolean censored() {
    return comparator != null;
  }
}
