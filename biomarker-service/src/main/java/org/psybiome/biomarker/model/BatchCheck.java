package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What posting a batch would do, answered without storing anything: the batch it would store, or
 * the stored batch its Idempotency-Key would replay.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "BatchCheck",
    requiredProperties = {
      "trialId",
      "outcome",
      "rows",
      "censored",
      "unregistered",
      "analytes",
      "visits",
      "notDerived"
    })
public record BatchCheck(
    @Schema(example = "PSB-2026-000042") String trialId,
    @Schema(
            description =
                "STORE: a POST of this body would store the batch described here; REPLAY: this"
                    + " Idempotency-Key and body were stored already, and a POST would replay"
                    + " that batch's answer and store nothing",
            enumeration = {"STORE", "REPLAY"})
        String outcome,
    @Schema(
            description =
                "with REPLAY, the stored batch a POST would answer with; absent with STORE")
        UUID replays,
    @Schema(description = "results the batch stores (stored, with REPLAY), derived ones included")
        int rows,
    @Schema(description = "of them, results reported as a limit of quantification (< or >)")
        int censored,
    @Schema(description = "of them, results of analytes the schedule did not pre-register")
        int unregistered,
    @Schema(description = "analyte codes, sorted") List<String> analytes,
    @Schema(description = "visit codes, sorted") List<String> visits,
    @Schema(
            description =
                "per sample, a derived analyte its rows were meant for but do not support, and"
                    + " why")
        List<NotDerivedNote> notDerived) {

  public static final String STORE = "STORE";
  public static final String REPLAY = "REPLAY";

  public BatchCheck {
    analytes = List.copyOf(analytes);
    visits = List.copyOf(visits);
    notDerived = List.copyOf(notDerived);
  }

  /** The check's answer for {@code batch}: to be stored, or stored already and replayed. */
  public static BatchCheck of(BatchSummary batch, boolean replay) {
    return new BatchCheck(
        batch.trialId(),
        replay ? REPLAY : STORE,
        replay ? batch.id() : null,
        batch.rows(),
        batch.censored(),
        batch.unregistered(),
        batch.analytes(),
        batch.visits(),
        batch.notDerived());
  }
}
