package org.psybiome.biomarker.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ingested result batch: counts and what it covered, never its rows. */
@Schema(
    name = "Batch",
    requiredProperties = {
      "id",
      "trialId",
      "receivedAt",
      "rows",
      "censored",
      "unregistered",
      "analytes",
      "visits",
      "submittedBy",
      "notDerived"
    })
public record BatchSummary(
    UUID id,
    @Schema(example = "PSB-2026-000042") String trialId,
    Instant receivedAt,
    @Schema(description = "results stored, derived ones included") int rows,
    @Schema(description = "results reported as a limit of quantification (< or >)") int censored,
    @Schema(description = "results of analytes the schedule did not pre-register at their visit")
        int unregistered,
    @Schema(description = "analyte codes, sorted") List<String> analytes,
    @Schema(description = "visit codes, sorted") List<String> visits,
    @Schema(description = "the token subject that submitted it") String submittedBy,
    @Schema(
            description =
                "per sample, a derived analyte its rows were meant for but do not support, and"
                    + " why (e.g. SHANNON_GENUS from a genus profile that is not complete)")
        List<NotDerivedNote> notDerived) {

  public BatchSummary {
    analytes = List.copyOf(analytes);
    visits = List.copyOf(visits);
    notDerived = List.copyOf(notDerived);
  }
}
