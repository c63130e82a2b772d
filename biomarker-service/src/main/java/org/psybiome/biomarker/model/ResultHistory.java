package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A result's reported value and every correction of it, oldest first; the last is in force. */
@Schema(
    name = "ResultHistory",
    requiredProperties = {
      "resultId",
      "trialId",
      "participant",
      "visit",
      "sampleId",
      "analyte",
      "corrected",
      "revisions"
    })
public record ResultHistory(
    long resultId,
    String trialId,
    String participant,
    String visit,
    String sampleId,
    String analyte,
    @Schema(description = "true when at least one correction exists") boolean corrected,
    @Schema(description = "the reported value first, then every correction, oldest first")
        List<ResultRevision> revisions) {

  public ResultHistory {
    revisions = List.copyOf(revisions);
  }
}
