package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An arm compared with the comparator within participants, over the participants whose sequence
 * contains both. {@code AB_BA}: the standard 2×2 crossover analysis of period differences
 * (treatment and period effects), with the paired t test beside it. {@code
 * PAIRED_MEAN_DIFFERENCES}: other designs (more periods or sequences, N-of-1 cycles), the paired t
 * test of per-participant mean differences only.
 */
@Schema(name = "CrossoverComparison")
public record CrossoverComparison(
    String treatment,
    String comparator,
    @Schema(enumeration = {"AB_BA", "PAIRED_MEAN_DIFFERENCES"}) String method,
    @Schema(description = "what the method did, in words") String methodDescription,
    @Schema(description = "participants in this comparison") int nAnalysed,
    @Schema(
            description =
                "AB_BA: the period differences (period 1 − period 2) of each sequence group")
        List<SequenceGroup> sequences,
    @Schema(
            description =
                "AB_BA: treatment − comparator, (mean d of treatment-first − mean d of"
                    + " comparator-first)/2, t test with pooled variance on n − 2 df")
        CrossoverEstimate treatmentEffect,
    @Schema(description = "AB_BA: period 1 − period 2, (mean d + mean d)/2, same test")
        CrossoverEstimate periodEffect,
    @Schema(
            description =
                "paired t test of the per-participant treatment − comparator differences (their"
                    + " mean, SD, 95% interval, p on n − 1 df)")
        CrossoverEstimate paired,
    @Schema(description = "why the AB/BA analysis was not made, where the design is not 2×2")
        String abBaUnavailableReason) {

  /** A sequence group of a 2×2 crossover and its period differences. */
  @Schema(name = "CrossoverSequenceGroup")
  public record SequenceGroup(
      String sequence,
      @Schema(enumeration = {"TREATMENT_FIRST", "COMPARATOR_FIRST"}) String order,
      int n,
      Double meanPeriodDifference,
      Double sdPeriodDifference) {}
}
