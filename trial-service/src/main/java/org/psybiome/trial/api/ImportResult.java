package org.psybiome.trial.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The trial an imported study became, and the import's report. */
@Schema(requiredProperties = {"outcome", "trial", "report"})
public record ImportResult(
    @Schema(
            description =
                "CREATED: a new trial; UPDATED: a new version of the consortium's trial with this"
                    + " source id; UNCHANGED: the record already says what the document says")
        Outcome outcome,
    TrialView trial,
    ImportReport report) {

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }
}
