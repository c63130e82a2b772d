package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many results a trial has per visit and analyte, and in all. */
@Schema(
    name = "ResultCounts",
    requiredProperties = {"trialId", "total", "counts"})
public record TrialResultCounts(
    String trialId,
    @Schema(description = "results of the trial, censored ones included") long total,
    @Schema(description = "per visit and analyte") List<ResultCount> counts) {

  public TrialResultCounts {
    counts = List.copyOf(counts);
  }
}
