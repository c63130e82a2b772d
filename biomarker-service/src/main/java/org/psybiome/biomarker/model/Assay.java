package org.psybiome.biomarker.model;

import java.math.BigDecimal;

/**
 * How a result was measured, as the lab reports it; every part optional. {@code lloq} and {@code
 * uloq} are the run's limits of quantification in the analyte's standard unit; {@code basis} (WET
 * or DRY) is the mass a stool result is expressed per, so that results on different bases are never
 * pooled.
 */
public record Assay(
    String method,
    String kit,
    String lot,
    String run,
    BigDecimal lloq,
    BigDecimal uloq,
    String basis) {

  /** Nothing reported about the assay (also a derived result's). */
  public static final Assay NONE = new Assay(null, null, null, null, null, null, null);
}
