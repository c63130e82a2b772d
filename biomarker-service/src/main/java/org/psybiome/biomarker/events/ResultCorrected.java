package org.psybiome.biomarker.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code org.psybiome.biomarker.result-corrected.v1}: which result changed, from what to
 * what in standard units, by whom and why. No participant code: consumers that need it read the
 * result through the API, where access is checked.
 */
public record ResultCorrected(
    long correctionId,
    long resultId,
    String trialId,
    UUID batchId,
    String visit,
    String sampleId,
    String analyte,
    StandardisedValue previous,
    StandardisedValue current,
    String reason,
    String correctedBy,
    Instant correctedAt,
    boolean recomputed) {

  public static final String TYPE = "org.psybiome.biomarker.result-corrected.v1";
  public static final String TOPIC = BiomarkerTopics.EVENTS;

  /** A value in the analyte's standard unit. */
  public record StandardisedValue(
      BigDecimal value, String unit, String comparator, boolean censored, String qcStatus) {}
}
