package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many results a trial has per visit and analyte, and in all. */
@Schema(name = "ResultCounts")
public record TrialResultCounts(String trialId, long total, List<ResultCount> counts) {

  public TrialResultCounts {
    counts = List.copyOf(counts);
  }
}
